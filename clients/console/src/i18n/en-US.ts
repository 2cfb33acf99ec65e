/** The source catalog: its keys define every other catalog's type (see Catalog). */
export const enUS = {
  "app.name": "Showroom",
  "app.loading": "Loading Showroom…",
  "app.unreachable": "Showroom could not be reached. Check your connection and try again.",
  "app.retry": "Try again",
  "app.skipToContent": "Skip to main content",
  "nav.label": "Main",
  "nav.chatScreen": "Chat Screen",

  "signIn.pageTitle": "Sign in – Showroom",
  "signIn.title": "Sign in to Showroom",
  "signIn.email": "Email",
  "signIn.password": "Password",
  "signIn.submit": "Sign in",
  "signIn.submitting": "Signing in…",
  "signIn.invalidCredentials": "Invalid email or password.",
  "signIn.lockedOut.one": "Too many failed attempts. Your account is locked for {minutes} minute.",
  "signIn.lockedOut.other": "Too many failed attempts. Your account is locked for {minutes} minutes.",
  "signIn.deactivated": "This account has been deactivated. Ask your manager.",
  "signIn.emailInvalid": "Enter a valid email address.",
  "signIn.passwordRequired": "Enter your password.",
  "signIn.networkError": "Showroom could not be reached. Check your connection and try again.",
  "signIn.unexpectedError": "Something went wrong. Please try again.",
  "signIn.sessionEnded": "Your session has ended. Sign in again to continue.",

  "menu.label": "Account",
  "menu.editProfile": "Edit Profile",
  "menu.signOut": "Sign out",

  "chat.pageTitle": "Chat Screen – Showroom",
  "chat.title": "Chat Screen",
  "chat.empty": "No chats yet. Chats offered to you will appear here.",

  "profile.pageTitle": "Edit Profile – Showroom",
  "profile.title": "Edit Profile",
  "profile.comingSoon": "Profile settings are on their way.",
  "profile.back": "Back to the Chat Screen",

  "connection.reconnecting": "Reconnecting…",
};

/** Every locale's catalog has exactly these keys: a missing or extra key is a compile error. */
export type Catalog = { readonly [K in keyof typeof enUS]: string };
export type MessageKey = keyof Catalog;
