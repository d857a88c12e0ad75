import type { AnyRoute } from "../route";
import { createContactRoute, deleteContactRoute, getContactRoute, listContactsRoute, updateContactRoute } from "./contacts";
import { listContactConversationsRoute } from "./conversations";
import { webhookRoutes } from "./webhook-endpoints";

/** Every /v1 route, in the order the OpenAPI document lists them. */
export const apiRoutes: readonly AnyRoute[] = [
  listContactsRoute,
  createContactRoute,
  getContactRoute,
  updateContactRoute,
  deleteContactRoute,
  listContactConversationsRoute,
  ...webhookRoutes,
];
