import type { DepartmentKind, VehicleOfInterest } from "@showroom/sdk";

/** Something with attributes: an Element, or a plain stand-in in unit tests. */
export interface Attributes {
  getAttribute(name: string): string | null;
}

const text = (value: unknown, max: number): string | undefined => {
  const s = typeof value === "string" || typeof value === "number" ? String(value).trim() : "";
  return s ? s.slice(0, max) : undefined;
};

const number = (value: unknown): number | undefined => {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  // "$21,995" and "21995.00" alike.
  const n = Number(value.replace(/[^0-9.]/g, ""));
  return value.trim() && Number.isFinite(n) && /\d/.test(value) ? n : undefined;
};

/** Cleans what a page passes to Showroom.setVehicle: known fields only, trimmed, numbers parsed; undefined when empty. */
export function cleanVehicle(input: unknown): VehicleOfInterest | undefined {
  if (typeof input !== "object" || input === null) return undefined;
  const v = input as Record<string, unknown>;
  const year = number(v.year);
  const vehicle: VehicleOfInterest = {
    year: year !== undefined && Number.isInteger(year) && year > 1885 && year < 2200 ? year : undefined,
    make: text(v.make, 60),
    model: text(v.model, 60),
    trim: text(v.trim, 60),
    vin: text(v.vin, 17),
    stockNumber: text(v.stockNumber ?? v.stock, 40),
    condition: text(v.condition, 20),
    price: number(v.price),
  };
  for (const key of Object.keys(vehicle) as (keyof VehicleOfInterest)[]) {
    if (vehicle[key] === undefined) delete vehicle[key];
  }
  return Object.keys(vehicle).length ? vehicle : undefined;
}

/** The vehicle from a [data-showroom-vehicle] element: data-year, -make, -model, -trim, -vin, -stock, -condition, -price. */
export function readVehicle(element: Attributes | null): VehicleOfInterest | undefined {
  if (!element) return undefined;
  const get = (name: string) => element.getAttribute(`data-${name}`) ?? undefined;
  return cleanVehicle({
    year: get("year"), make: get("make"), model: get("model"), trim: get("trim"), vin: get("vin"),
    stock: get("stock"), condition: get("condition"), price: get("price"),
  });
}

/** The department a page implies (data-showroom-department="Service"), whatever its case; else undefined. */
export function readDepartment(value: string | null | undefined, offered: readonly DepartmentKind[]): DepartmentKind | undefined {
  const wanted = value?.trim().toLowerCase();
  return offered.find((kind) => kind.toLowerCase() === wanted);
}
