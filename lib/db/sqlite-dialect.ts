import { SqliteDialect, type Driver } from "kysely";

/**
 * better-sqlite3 runs each query synchronously, and Kysely hands its one connection from query to
 * query through promise callbacks: under load, queued queries then run back to back without the
 * event loop ever polling, so the server stops accepting connections and reading requests (even
 * /healthz and SIGTERM wait). One turn of the event loop before each query keeps it responsive.
 */
export class FairSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    const acquire = driver.acquireConnection.bind(driver);
    driver.acquireConnection = async () => {
      const connection = await acquire();
      await new Promise((resolve) => setImmediate(resolve));
      return connection;
    };
    return driver;
  }
}
