// A scratch database on a PostgreSQL server for a bench: made, used, dropped (the URL's user needs CREATEDB).
import pg from 'pg';

export async function onScratchDatabase<T>(serverUrl: string, name: string, use: (url: string) => T | Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return await use(url.toString());
  } finally {
    // FORCE: a server the bench started may still hold a connection as it stops.
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
}
