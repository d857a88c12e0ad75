import { z } from "zod";
import { idSchema } from "../validation/id";
import { timestampSchema } from "../validation/timestamp";
import { countSchema, integerParam } from "../validation/query-params";

export const CONVERSATIONS_LIMIT_MAX = 100;
/** Summaries are one or two sentences; the API never writes them, it only reads them. */
export const SUMMARY_MAX_LENGTH = 2000;

export const listConversationsQuerySchema = z.object({
  limit: integerParam(1, CONVERSATIONS_LIMIT_MAX, 50).meta({ description: "Maximum number of conversations to return." }),
  offset: integerParam(0, null, 0).meta({ description: "Number of conversations to skip." }),
});

const timestamp = timestampSchema;

export const conversationSchema = z
  .object({
    id: idSchema.meta({ example: "conv_789ghi" }),
    chatbotId: idSchema,
    contactId: idSchema.nullable(),
    startedAt: timestamp,
    lastMessageAt: timestamp,
    messageCount: countSchema,
    summary: z.string().max(SUMMARY_MAX_LENGTH).nullable(),
  })
  .meta({ id: "Conversation" });

export const conversationListSchema = z
  .object({
    conversations: z.array(conversationSchema).max(CONVERSATIONS_LIMIT_MAX),
    total: countSchema.meta({ description: "Every conversation of the contact." }),
    limit: countSchema.meta({ description: "The limit applied." }),
    offset: countSchema.meta({ description: "The offset applied." }),
  })
  .meta({ id: "ConversationList" });

export type ListConversationsQuery = z.output<typeof listConversationsQuerySchema>;
export type Conversation = z.output<typeof conversationSchema>;
