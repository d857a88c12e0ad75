// ESLint rule: a client component ("use client") may not import server code. Only `import type`
// may name a server module (the dashboard infers its /v1 types from the route definitions); a
// value import would pull database drivers, secrets or Node built-ins into the browser bundle.

const SERVER_MODULES = [
  /^node:/,
  /^(better-sqlite3|pg|ioredis|kysely|pino|next\/headers|server-only)$/,
  /(^@\/lib|\/lib)\/(db|server|api|seed|import)(\/|$)/,
  /(^@\/lib|\/lib)\/auth\/(server|session)$/,
  /(^@\/lib|\/lib)\/(log|config|shutdown)$/,
  /\/(repository|service)$/,
];

const isClientModule = (program) =>
  program.body.some((statement) => statement.type === "ExpressionStatement" && statement.directive === "use client");

export const clientBoundary = {
  meta: {
    type: "problem",
    docs: { description: "Forbid value imports of server modules in client components" },
    messages: { serverImport: "'{{source}}' is server code and cannot be imported into a client component (use `import type` for types)." },
    schema: [],
  },
  create(context) {
    if (!isClientModule(context.sourceCode.ast)) return {};
    const check = (node) => {
      if (!node.source || node.importKind === "type" || node.exportKind === "type") return;
      const source = String(node.source.value);
      if (SERVER_MODULES.some((pattern) => pattern.test(source))) context.report({ node, messageId: "serverImport", data: { source } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export const nexvioPlugin = { rules: { "client-boundary": clientBoundary } };
