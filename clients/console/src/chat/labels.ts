import type { AgentConversationDto, DepartmentKind } from "@showroom/sdk";
import type { MessageKey, Translate } from "../i18n/index.ts";

export const departmentKey = {
  Sales: "chat.department.Sales",
  Service: "chat.department.Service",
  Parts: "chat.department.Parts",
  Finance: "chat.department.Finance",
} as const satisfies Readonly<Record<DepartmentKind, MessageKey>>;

/** The name the shopper gave, or "Shopper". */
export const shopperName = (conversation: AgentConversationDto, t: Translate) => conversation.shopperName?.trim() || t("chat.shopper");
