import { useEffect, useState } from "preact/hooks";
import { getDealer, type DealerDto, type Me } from "@showroom/sdk";
import { useI18n } from "../i18n/context.tsx";
import { DealerDetailsForm } from "./DealerDetailsForm.tsx";
import { DepartmentsSection } from "./DepartmentsSection.tsx";
import { CopyButton } from "./ManageLayout.tsx";
import { PresenceForm, RoutingForm } from "./RoutingForm.tsx";
import { embedSnippet } from "./snippet.ts";
import { WidgetSettingsSection } from "../widgetSettings/WidgetSettingsSection.tsx";

/** One dealer's settings: details (Admins), the embed snippet, departments and hours, holidays, routing, idle auto-away. */
export function DealerSettingsPage({ me, dealer: initial, onDealersChanged }: { me: Me; dealer: DealerDto; onDealersChanged: () => void }) {
  const { t } = useI18n();
  const [dealer, setDealer] = useState(initial);
  useEffect(() => setDealer(initial), [initial]);
  const reload = () => {
    getDealer(dealer.id).then(setDealer, () => undefined);
    onDealersChanged();
  };
  const snippet = embedSnippet(location.origin, dealer.widgetKey);
  return (
    <div class="dealer-settings">
      <section aria-labelledby="details-heading" class="settings-section">
        <h2 id="details-heading">{t("dealer.details")}</h2>
        <DealerDetailsForm key={dealer.id} dealer={dealer} groups={[]} readOnly={me.role !== "Admin"} onSaved={(d) => { setDealer(d); onDealersChanged(); }} />
      </section>
      <section aria-labelledby="snippet-heading" class="settings-section">
        <h2 id="snippet-heading">{t("snippet.title")}</h2>
        <p id="snippet-hint" class="muted">{t("snippet.intro")}</p>
        <div class="field">
          <label for="embed-snippet">{t("snippet.label")}</label>
          <textarea id="embed-snippet" class="snippet" readOnly rows={3} spellcheck={false} value={snippet} aria-describedby="snippet-hint"
            onFocus={(e) => e.currentTarget.select()} />
        </div>
        <CopyButton text={snippet} label={t("snippet.copy")} target="embed-snippet" />
        {dealer.websiteOrigins.length === 0 ? <p class="notice">{t("snippet.noOrigins")}</p> : null}
      </section>
      <WidgetSettingsSection key={dealer.id} dealerId={dealer.id} dealerName={dealer.name} />
      <DepartmentsSection key={`${dealer.id}-${dealer.departments.map((d) => d.id).join()}`} dealer={dealer} canEdit onChanged={reload} />
      <section class="settings-section"><RoutingForm dealer={dealer} canEdit /></section>
      <section class="settings-section"><PresenceForm dealer={dealer} canEdit /></section>
    </div>
  );
}
