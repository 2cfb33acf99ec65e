import type { DepartmentKind, Locale, VehicleOfInterest } from "@showroom/sdk";
import type { MessageKey, Translate } from "../i18n/index.ts";
import { formatNumber } from "../i18n/format.ts";

export const departmentKey = {
  Sales: "chat.department.Sales",
  Service: "chat.department.Service",
  Parts: "chat.department.Parts",
  Finance: "chat.department.Finance",
} as const satisfies Readonly<Record<DepartmentKind, MessageKey>>;

/** The name the shopper gave, or "Shopper". */
export const shopperName = (chat: { shopperName: string | null }, t: Translate) => chat.shopperName?.trim() || t("chat.shopper");

/** New/used, price, stock number and VIN, in the agent's words; empty when the page gave none of them. */
export function vehicleExtras(vehicle: VehicleOfInterest | null, t: Translate, locale: Locale): string[] {
  if (!vehicle) return [];
  return [
    vehicle.condition ? t("chat.details.condition", { value: vehicle.condition }) : undefined,
    typeof vehicle.price === "number" ? t("chat.details.price", { value: formatNumber(vehicle.price, locale) }) : undefined,
    vehicle.stockNumber ? t("chat.details.stock", { value: vehicle.stockNumber }) : undefined,
    vehicle.vin ? t("chat.details.vin", { value: vehicle.vin }) : undefined,
  ].filter((x): x is string => x !== undefined);
}
