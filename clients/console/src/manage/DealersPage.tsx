import { useEffect, useState } from "preact/hooks";
import { ApiError, createGroup, getGroups, updateGroup, type DealerDto, type DealerGroupDto } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { navigate } from "../router.ts";
import { DealerDetailsForm } from "./DealerDetailsForm.tsx";
import { Field, ResultLine } from "./Form.tsx";
import { toFieldErrors, type FieldErrors } from "./fieldErrors.ts";

type Result = { ok: boolean; text: string } | undefined;

/** Admins: dealer groups (with cross-dealer work) and dealers; new ones of each. */
export function DealersPage({ dealers, onDealersChanged }: { dealers: DealerDto[]; onDealersChanged: () => void }) {
  const { t } = useI18n();
  const [groups, setGroups] = useState<DealerGroupDto[] | "loading" | "failed">("loading");
  const load = () => getGroups().then(setGroups, () => setGroups("failed"));
  useEffect(() => void load(), []);
  if (groups === "loading") return <p role="status" class="muted">{t("app.loading")}</p>;
  if (groups === "failed") return <p role="alert" class="error-box">{t("manage.loadFailed")}</p>;
  const open = (event: MouseEvent, dealer: DealerDto) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(`/manage/dealer?dealer=${encodeURIComponent(dealer.id)}`);
  };
  return (
    <div class="dealers-page">
      <section aria-labelledby="groups-heading" class="settings-section">
        <h2 id="groups-heading">{t("groups.title")}</h2>
        {groups.length === 0 ? <p class="muted">{t("groups.none")}</p> : (
          <ul class="group-list">
            {groups.map((g) => <li key={g.id}><GroupForm group={g} onSaved={() => void load()} /></li>)}
          </ul>
        )}
        <GroupForm group={undefined} onSaved={() => void load()} />
      </section>
      <section aria-labelledby="dealers-heading" class="settings-section">
        <h2 id="dealers-heading">{t("dealers.title")}</h2>
        {dealers.length === 0 ? <p class="muted">{t("manage.noDealers")}</p> : (
          <table class="manage-table">
            <thead><tr><th scope="col">{t("dealer.name")}</th><th scope="col">{t("dealer.group")}</th><th scope="col">{t("dealer.timeZone")}</th><th scope="col">{t("dealers.departments")}</th></tr></thead>
            <tbody>
              {dealers.map((d) => (
                <tr key={d.id}>
                  <th scope="row"><a href={`/manage/dealer?dealer=${encodeURIComponent(d.id)}`} onClick={(e) => open(e, d)}>{d.name}</a></th>
                  <td>{groups.find((g) => g.id === d.groupId)?.name ?? ""}</td>
                  <td>{d.timeZone}</td>
                  <td>{d.departments.map((x) => x.name).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {groups.length > 0 ? (
          <div class="card new-dealer" role="group" aria-labelledby="new-dealer-heading">
            <h3 id="new-dealer-heading">{t("dealers.new")}</h3>
            <DealerDetailsForm dealer={undefined} groups={groups} readOnly={false} idPrefix="new-dealer"
              onSaved={() => { onDealersChanged(); void load(); }} />
          </div>
        ) : <p class="notice">{t("dealers.groupFirst")}</p>}
      </section>
    </div>
  );
}

function GroupForm({ group, onSaved }: { group: DealerGroupDto | undefined; onSaved: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(group?.name ?? "");
  const [cross, setCross] = useState(group?.allowCrossDealerWork ?? false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [result, setResult] = useState<Result>(undefined);
  const id = group ? `group-${group.id}` : "new-group";
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    try {
      const body = { name: name.trim(), allowCrossDealerWork: cross };
      const saved = group ? await updateGroup(group.id, body) : await createGroup(body);
      setErrors({});
      setResult({ ok: true, text: t(group ? "groups.saved" : "groups.created", { name: saved.name }) });
      if (!group) {
        setName("");
        setCross(false);
      }
      onSaved();
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, { title: String(e) });
      const fields = error.status === 400 ? toFieldErrors(error) : {};
      setErrors(fields);
      setResult({ ok: false, text: Object.keys(fields).length > 0 ? t("form.checkFields") : t("manage.failed") });
    }
  };
  return (
    <form class={group ? "group-form" : "group-form new-group"} onSubmit={submit} noValidate
      aria-label={group ? t("groups.editLabel", { name: group.name }) : t("groups.new")}>
      {group ? null : <h3>{t("groups.new")}</h3>}
      <Field id={`${id}-name`} label={t("groups.name")} required error={errors.name}
        hint={group ? t("groups.dealerCount", { count: group.dealerCount }) : undefined}>
        {(d, invalid) => <input id={`${id}-name`} type="text" required maxLength={200} value={name}
          onInput={(e) => setName(e.currentTarget.value)} aria-invalid={invalid} aria-describedby={d} />}
      </Field>
      <label class="check">
        <input type="checkbox" checked={cross} onChange={(e) => setCross(e.currentTarget.checked)} />
        {t("groups.crossDealer")}
      </label>
      <div class="form-actions compact">
        <button type="submit" class="button primary small">{group ? t("manage.save") : t("groups.create")}</button>
        <ResultLine ok={result?.ok ?? true} text={result?.text} />
      </div>
    </form>
  );
}
