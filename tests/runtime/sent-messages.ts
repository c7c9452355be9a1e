import type { Connection } from 'mongoose';

/** The messages sent for an instance, in order, as `channel recipient: text`. */
export async function sentTo(connection: Connection, instanceId: string): Promise<string[]> {
  const records = await connection
    .collection('effects')
    .find({ instanceId } as never)
    .sort({ _id: 1 })
    .toArray();
  return records
    .map((r) => (typeof r['effect'] === 'string' ? JSON.parse(r['effect']) : r['effect']))
    .filter((e: { kind: string }) => e.kind === 'send')
    .map((e: { channel: string; to: string; text: string }) => `${e.channel} ${e.to}: ${e.text}`);
}
