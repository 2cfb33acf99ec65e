/** Shapes of the server's JSON, shared by every client. */

export type AgentRole = "Agent" | "Manager" | "Admin";

export type Locale = "en-US" | "es-US" | "fr-CA";

export const locales: readonly Locale[] = ["en-US", "es-US", "fr-CA"];

export interface DealerRef {
  id: string;
  name: string;
}

/** GET /api/me, and the body of a successful sign-in. */
export interface Me {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  displayName: string;
  role: AgentRole;
  locale: Locale;
  timeZone: string;
  lastSignInAt?: string | null;
  dealers: DealerRef[];
}

export interface SignInRequest {
  email: string;
  password: string;
}
