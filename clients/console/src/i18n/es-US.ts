import type { Catalog } from "./en-US.ts";

export const esUS: Catalog = {
  "app.name": "Showroom",
  "app.loading": "Cargando Showroom…",
  "app.unreachable": "No se pudo conectar con Showroom. Revise su conexión e inténtelo de nuevo.",
  "app.retry": "Intentar de nuevo",
  "app.skipToContent": "Ir al contenido principal",
  "nav.label": "Principal",
  "nav.chatScreen": "Pantalla de chat",

  "signIn.pageTitle": "Iniciar sesión – Showroom",
  "signIn.title": "Inicie sesión en Showroom",
  "signIn.email": "Correo electrónico",
  "signIn.password": "Contraseña",
  "signIn.submit": "Iniciar sesión",
  "signIn.submitting": "Iniciando sesión…",
  "signIn.invalidCredentials": "Correo electrónico o contraseña no válidos.",
  "signIn.lockedOut.one": "Demasiados intentos fallidos. Su cuenta está bloqueada durante {minutes} minuto.",
  "signIn.lockedOut.other": "Demasiados intentos fallidos. Su cuenta está bloqueada durante {minutes} minutos.",
  "signIn.deactivated": "Esta cuenta ha sido desactivada. Consulte con su gerente.",
  "signIn.emailInvalid": "Introduzca un correo electrónico válido.",
  "signIn.passwordRequired": "Introduzca su contraseña.",
  "signIn.networkError": "No se pudo conectar con Showroom. Revise su conexión e inténtelo de nuevo.",
  "signIn.unexpectedError": "Algo salió mal. Inténtelo de nuevo.",
  "signIn.sessionEnded": "Su sesión ha terminado. Inicie sesión de nuevo para continuar.",

  "menu.label": "Cuenta",
  "menu.editProfile": "Editar perfil",
  "menu.signOut": "Cerrar sesión",

  "chat.pageTitle": "Pantalla de chat – Showroom",
  "chat.title": "Pantalla de chat",
  "chat.empty": "Aún no hay chats. Los chats que se le ofrezcan aparecerán aquí.",

  "profile.pageTitle": "Editar perfil – Showroom",
  "profile.title": "Editar perfil",
  "profile.comingSoon": "La configuración del perfil llegará pronto.",
  "profile.back": "Volver a la pantalla de chat",

  "connection.reconnecting": "Reconectando…",
};
