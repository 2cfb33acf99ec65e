import { useEffect, useRef, useState } from "preact/hooks";
import { getTeam, type AgentStatusDto, type DealerRef, type Teammate } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { usePresence } from "../presence/PresenceContext.tsx";
import { isNewer, sortTeam, statusNameKey } from "../presence/presence.ts";
import { Avatar } from "./Avatar.tsx";
import { StatusDot } from "./StatusDot.tsx";
import { MessageColleague } from "../internal/MessageColleague.tsx";

type Teams = Readonly<Record<string, Teammate[] | "failed">>;

/** A change from StatusChanged applied to a teammate, if it is newer than what the panel shows. */
function withStatus(teammate: Teammate, change: AgentStatusDto | undefined): Teammate {
  if (!change || change.agentId.toLowerCase() !== teammate.id.toLowerCase() || !isNewer(change.changedAt, teammate.changedAt)) return teammate;
  return { ...teammate, status: change.status, changedAt: change.changedAt };
}

/** The agent's teammates at each of their dealers, with headshot, name and status, kept live by StatusChanged. */
export function TeamPanel() {
  const { t, locale } = useI18n();
  const { me, hubState, onStatusChanged } = usePresence();
  const [teams, setTeams] = useState<Teams>({});
  // The newest change seen per agent: a team list read before it arrived must not undo it.
  const changes = useRef(new Map<string, AgentStatusDto>());

  useEffect(
    () =>
      onStatusChanged((change) => {
        changes.current.set(change.agentId.toLowerCase(), change);
        setTeams((current) => {
          const next: Record<string, Teammate[] | "failed"> = {};
          for (const [dealerId, team] of Object.entries(current)) {
            next[dealerId] = team === "failed" ? team : team.map((teammate) => withStatus(teammate, change));
          }
          return next;
        });
      }),
    [],
  );

  // At start, and after a reconnection (changes sent while disconnected are lost).
  const connected = hubState === "connected";
  useEffect(() => {
    if (!connected && Object.keys(teams).length > 0) return;
    let current = true;
    for (const dealer of me.dealers) {
      getTeam(dealer.id).then(
        (team) => {
          const merged = team.map((teammate) => withStatus(teammate, changes.current.get(teammate.id.toLowerCase())));
          if (current) setTeams((all) => ({ ...all, [dealer.id]: merged }));
        },
        () => current && setTeams((all) => ({ ...all, [dealer.id]: all[dealer.id] ?? "failed" })),
      );
    }
    return () => {
      current = false;
    };
  }, [me.id, connected]);

  const several = me.dealers.length > 1;
  return (
    <section class="team-panel" aria-labelledby="team-heading">
      <h2 id="team-heading">{t("team.title")}</h2>
      {me.dealers.map((dealer) => (
        <DealerTeam key={dealer.id} dealer={dealer} showName={several} team={teams[dealer.id]} meId={me.id} locale={locale} />
      ))}
    </section>
  );
}

function DealerTeam({ dealer, showName, team, meId, locale }: {
  dealer: DealerRef; showName: boolean; team: Teammate[] | "failed" | undefined; meId: string; locale: string;
}) {
  const { t } = useI18n();
  const others = Array.isArray(team) ? sortTeam(team.filter((teammate) => teammate.id.toLowerCase() !== meId.toLowerCase()), locale) : [];
  return (
    <div class="team-dealer">
      {showName ? <h3>{dealer.name}</h3> : null}
      {team === undefined ? (
        <p class="muted team-message">{t("team.loading")}</p>
      ) : team === "failed" ? (
        <p class="team-message field-error">{t("team.loadFailed")}</p>
      ) : others.length === 0 ? (
        <p class="muted team-message">{t("team.empty")}</p>
      ) : (
        <ul class="team-list" aria-label={showName ? dealer.name : t("team.title")}>
          {others.map((teammate) => (
            <li key={teammate.id} class="teammate">
              <Avatar name={teammate.displayName} src={teammate.headshotUrl} />
              <span class="teammate-text">
                <span class="teammate-name">{teammate.displayName}</span>
                <span class={`teammate-status teammate-status-${teammate.status}`}>
                  <StatusDot status={teammate.status} />
                  {t(statusNameKey[teammate.status])}
                </span>
              </span>
              <MessageColleague id={teammate.id} name={teammate.displayName} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
