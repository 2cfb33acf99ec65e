import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { apiFetch, ApiError, onUnauthorized, type Me, type Profile } from "@showroom/sdk";
import { I18nProvider, useI18n } from "./i18n/context.tsx";
import { resolveLocale } from "./i18n/index.ts";
import { navigate, usePath } from "./router.ts";
import { useAgentHub } from "./useAgentHub.ts";
import { Header } from "./components/Header.tsx";
import { ConnectionBanner } from "./components/ConnectionBanner.tsx";
import { StatusNotice } from "./components/StatusNotice.tsx";
import { PresenceProvider } from "./presence/PresenceContext.tsx";
import { ChatsProvider } from "./chat/ChatsContext.tsx";
import { OffersProvider } from "./chat/OffersContext.tsx";
import { TransfersProvider } from "./chat/TransfersContext.tsx";
import { offerRinger } from "./chat/OfferAlertControls.tsx";
import { SignInPage } from "./pages/SignInPage.tsx";
import { ChatScreen } from "./pages/ChatScreen.tsx";
import { EditProfilePage } from "./pages/EditProfilePage.tsx";
import { HistoryPage } from "./pages/HistoryPage.tsx";
import { TranscriptPage } from "./pages/TranscriptPage.tsx";
import { InternalChatsProvider } from "./internal/InternalChatsContext.tsx";
import { TeamChatPage } from "./internal/TeamChatPage.tsx";
import { NotificationSettingsProvider } from "./notifications/NotificationSettingsContext.tsx";
import { NotificationSettingsPage } from "./notifications/NotificationSettingsPage.tsx";
import { ExtensionPage } from "./notifications/ExtensionPage.tsx";
import { SetupPage } from "./access/SetupPage.tsx";
import { InvitePage } from "./access/InvitePage.tsx";
import { ForgotPasswordPage, ResetPasswordPage } from "./access/ResetPasswordPage.tsx";
import { isManagePath } from "./manage/ManageLayout.tsx";
import { ManagePage } from "./manage/ManagePage.tsx";
import { LiveBoardPage } from "./board/LiveBoardPage.tsx";

/** /profile is the agent's own; /agents/{id}/profile is how a Manager (or Admin) edits someone else's. */
const agentProfilePath = /^\/agents\/([0-9a-fA-F-]{36})\/profile$/;
const historyTranscriptPath = /^\/history\/([0-9a-fA-F-]{36})$/;
const invitePath = /^\/invite\/([A-Za-z0-9_-]{1,200})$/;
/** Pages for signed-out visitors: first run, an invitation, a password reset. */
const isPublicPath = (path: string) =>
  path === "/signin" || path === "/setup" || path === "/reset-password" || path === "/forgot-password" || invitePath.test(path);
const isKnownPath = (path: string, me: Me) =>
  isManagePath(path, me) || path === "/" || path === "/profile" || path === "/history" || path === "/team" || path === "/notifications" || path === "/extension" ||
  agentProfilePath.test(path) || historyTranscriptPath.test(path);

/** undefined while GET /api/me is in flight; null when signed out; "unreachable" when the server did not answer. */
type Session = Me | null | undefined | "unreachable";

export function App() {
  const [session, setSession] = useState<Session>(undefined);
  const [sessionEndedNotice, setSessionEndedNotice] = useState(false);
  const path = usePath();
  const me = typeof session === "object" && session !== null ? session : undefined;
  const locale = resolveLocale(me?.locale, navigator.languages ?? [navigator.language]);

  const loadMe = useCallback(() => {
    setSession(undefined);
    apiFetch<Me>("/api/me", { allowUnauthorized: true }).then(setSession, (e: unknown) =>
      setSession(e instanceof ApiError && e.status === 401 ? null : "unreachable"),
    );
  }, []);

  const endSession = useCallback(() => {
    setSession(null);
    setSessionEndedNotice(true);
    navigate("/signin", { replace: true });
  }, []);

  useEffect(() => {
    onUnauthorized(endSession);
    loadMe();
    return () => onUnauthorized(undefined);
  }, []);

  const hub = useAgentHub(me !== undefined, endSession);

  // Route guard: signed-out agents see only the sign-in page; signed-in agents never do.
  useEffect(() => {
    if (session === null && !isPublicPath(path)) navigate("/signin", { replace: true });
    if (me && !isKnownPath(path, me)) navigate("/", { replace: true });
  }, [session, path]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  // A saved profile of the agent themselves shows at once: header name and headshot, language, time zone.
  const profileSaved = useCallback((profile: Profile) => {
    setSession((current) => typeof current !== "object" || current === null || current.id !== profile.id ? current : {
      ...current,
      firstName: profile.firstName,
      lastName: profile.lastName,
      displayName: `${profile.firstName} ${profile.lastName}`.trim(),
      email: profile.email,
      locale: resolveLocale(profile.locale, []),
      timeZone: profile.timeZone,
      headshotUrl: profile.headshot?.small ?? null,
    });
  }, []);

  const signedIn = (signedInAs: Me) => {
    setSessionEndedNotice(false);
    setSession(signedInAs);
    navigate("/");
  };

  const signOut = async () => {
    // Close the hub first, so the server's "session ended" for this very sign-out is not shown as a notice.
    await hub.stop();
    try {
      await apiFetch<void>("/api/auth/signout", { method: "POST", allowUnauthorized: true });
    } catch {
      // Signed out already, or the server is unreachable: either way this browser shows the sign-in page.
    }
    setSessionEndedNotice(false);
    setSession(null);
    navigate("/signin");
  };

  return (
    <I18nProvider locale={locale}>
      {session === undefined ? (
        <Status />
      ) : session === "unreachable" ? (
        <Unreachable retry={loadMe} />
      ) : me === undefined && path === "/setup" ? (
        <SetupPage onSignedIn={signedIn} />
      ) : me === undefined && invitePath.test(path) ? (
        <InvitePage key={path} token={invitePath.exec(path)![1]!} onSignedIn={signedIn} />
      ) : me === undefined && path === "/reset-password" ? (
        <ResetPasswordPage />
      ) : me === undefined && path === "/forgot-password" ? (
        <ForgotPasswordPage />
      ) : me === undefined || path === "/signin" ? (
        <SignInPage onSignedIn={signedIn} sessionEnded={sessionEndedNotice} />
      ) : (
        <PresenceProvider me={me} hub={hub}>
          <NotificationSettingsProvider hub={hub}>
          <InternalChatsProvider hub={hub}>
            <Header me={me} onSignOut={signOut} />
            <ConnectionBanner state={hub.state} />
            <StatusNotice />
            <ChatsProvider hub={hub}>
              <OffersProvider hub={hub} alerts={offerRinger()}>
                <TransfersProvider hub={hub}>
                  <Routes path={path} me={me} onProfileSaved={profileSaved} />
                </TransfersProvider>
              </OffersProvider>
            </ChatsProvider>
          </InternalChatsProvider>
          </NotificationSettingsProvider>
        </PresenceProvider>
      )}
    </I18nProvider>
  );
}

function Routes({ path, me, onProfileSaved }: { path: string; me: Me; onProfileSaved: (profile: Profile) => void }) {
  const focusHeading = useFocusHeadingOnNavigation(path);
  const agentId = path === "/profile" ? me.id : agentProfilePath.exec(path)?.[1]?.toLowerCase();
  if (agentId) return <EditProfilePage key={agentId} headingRef={focusHeading} me={me} agentId={agentId} onSaved={onProfileSaved} />;
  if (path === "/history") return <HistoryPage headingRef={focusHeading} me={me} />;
  if (path === "/team") return <TeamChatPage headingRef={focusHeading} />;
  if (path === "/notifications") return <NotificationSettingsPage headingRef={focusHeading} />;
  if (path === "/extension") return <ExtensionPage headingRef={focusHeading} />;
  if (path === "/manage/board") return <LiveBoardPage headingRef={focusHeading} me={me} />;
  if (path === "/manage" || path.startsWith("/manage/")) return <ManagePage me={me} path={path} headingRef={focusHeading} />;
  const transcriptId = historyTranscriptPath.exec(path)?.[1]?.toLowerCase();
  if (transcriptId) return <TranscriptPage key={transcriptId} headingRef={focusHeading} me={me} conversationId={transcriptId} />;
  return <ChatScreen headingRef={focusHeading} />;
}

/** After an in-app navigation, focus goes to the new page's heading so screen readers announce it. */
function useFocusHeadingOnNavigation(path: string) {
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [path]);
  return heading;
}

function Status() {
  const { t } = useI18n();
  return (
    <main id="main" class="centered">
      <p role="status" class="muted">{t("app.loading")}</p>
    </main>
  );
}

function Unreachable({ retry }: { retry: () => void }) {
  const { t } = useI18n();
  return (
    <main id="main" class="centered">
      <div class="card">
        <p role="alert">{t("app.unreachable")}</p>
        <button type="button" class="button primary" onClick={retry}>{t("app.retry")}</button>
      </div>
    </main>
  );
}
