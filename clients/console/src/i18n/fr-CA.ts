import type { Catalog } from "./en-US.ts";

export const frCA: Catalog = {
  "app.name": "Showroom",
  "app.loading": "Chargement de Showroom…",
  "app.unreachable": "Impossible de joindre Showroom. Vérifiez votre connexion et réessayez.",
  "app.retry": "Réessayer",
  "app.skipToContent": "Passer au contenu principal",
  "nav.label": "Principale",
  "nav.chatScreen": "Écran de clavardage",

  "signIn.pageTitle": "Connexion – Showroom",
  "signIn.title": "Connectez-vous à Showroom",
  "signIn.email": "Courriel",
  "signIn.password": "Mot de passe",
  "signIn.submit": "Se connecter",
  "signIn.submitting": "Connexion en cours…",
  "signIn.invalidCredentials": "Courriel ou mot de passe invalide.",
  "signIn.lockedOut.one": "Trop de tentatives infructueuses. Votre compte est verrouillé pendant {minutes} minute.",
  "signIn.lockedOut.other": "Trop de tentatives infructueuses. Votre compte est verrouillé pendant {minutes} minutes.",
  "signIn.deactivated": "Ce compte a été désactivé. Adressez-vous à votre gestionnaire.",
  "signIn.emailInvalid": "Entrez une adresse courriel valide.",
  "signIn.passwordRequired": "Entrez votre mot de passe.",
  "signIn.networkError": "Impossible de joindre Showroom. Vérifiez votre connexion et réessayez.",
  "signIn.unexpectedError": "Une erreur s’est produite. Veuillez réessayer.",
  "signIn.sessionEnded": "Votre session a pris fin. Connectez-vous de nouveau pour continuer.",

  "menu.label": "Compte",
  "menu.editProfile": "Modifier le profil",
  "menu.signOut": "Se déconnecter",

  "chat.pageTitle": "Écran de clavardage – Showroom",
  "chat.title": "Écran de clavardage",
  "chat.empty": "Aucun clavardage pour l’instant. Les clavardages qui vous sont offerts apparaîtront ici.",

  "profile.pageTitle": "Modifier le profil – Showroom",
  "profile.title": "Modifier le profil",
  "profile.comingSoon": "Les paramètres du profil arrivent bientôt.",
  "profile.back": "Retour à l’écran de clavardage",

  "connection.reconnecting": "Reconnexion…",
};
