import { z } from "zod";
import { timestampSchema } from "../validation/timestamp";
import { integerParam } from "../validation/query-params";

export const listConversationsQuerySchema = z.object({
  limit: integerParam(1, 100, 50).meta({ description: "Maximum number of conversations to return." }),
  offset: integerParam(0, null, 0).meta({ description: "Number of conversations to skip." }),
});

const timestamp = timestampSchema;

export const conversationSchema = z
  .object({
    id: z.string().meta({ example: "conv_789ghi" }),
    chatbotId: z.string(),
    contactId: z.string().nullable(),
    startedAt: timestamp,
    lastMessageAt: timestamp,
    messageCount: z.number().int(),
    summary: z.string().nullable(),
  })
  .meta({ id: "Conversation" });

export type ListConversationsQuery = z.output<typeof listConversationsQuerySchema>;
export type Conversation = z.output<typeof conversationSchema>;
