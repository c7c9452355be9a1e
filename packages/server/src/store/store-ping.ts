import { MongoClient } from 'mongodb';

/** True when a MongoDB-compatible server at `uri` answers `ping` within `timeoutMs`. */
export async function pingStore(uri: string, timeoutMs: number): Promise<boolean> {
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
    socketTimeoutMS: timeoutMs,
  });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close(true).catch(() => {});
  }
}
