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
  /** The 222 x 222 headshot, or null: the console then shows initials. */
  headshotUrl: string | null;
  dealers: DealerRef[];
}

/** The current headshot: 222 and 444 px squares (immutable URLs) and the uploaded file's name. */
export interface Headshot {
  small: string;
  large: string;
  fileName: string;
}

/** GET/PUT /api/agents/{id}/profile, and the answer of the headshot calls. */
export interface Profile {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  locale: string;
  timeZone: string;
  headshot: Headshot | null;
  lastSignInAt: string | null;
  /** False for a teammate's profile: it may be seen, not changed. */
  canEdit: boolean;
  /** False when a Manager edits an agent of their dealer: only the agent or an Admin changes the e-mail. */
  canChangeEmail: boolean;
}

/** PUT /api/agents/{id}/profile. currentPassword is needed when agents change their own e-mail. */
export interface ProfileUpdate {
  firstName: string;
  lastName: string;
  email: string;
  locale: string;
  timeZone: string;
  currentPassword?: string;
}

export type ProfileField = keyof ProfileUpdate;

/** The codes in a profile ValidationProblem's errors, per field. */
export type ProfileErrorCode = "required" | "invalid" | "too_long" | "taken" | "password_required" | "password_wrong" | "not_allowed";

export interface SignInRequest {
  email: string;
  password: string;
}
