import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { StopSignal } from '../lifecycle/stoppable-sleep';

export interface NotificationHandlers {
  /** After LISTEN took effect, on the first connection and on every reconnection: what was missed meanwhile must be re-read here. */
  connected(): Promise<void>;
  /** One NOTIFY on the channel, in commit order. */
  notified(payload: string): void;
  /** The connection is gone: from now until `connected` runs again, notifications may be missed. */
  disconnected(): void;
}

/**
 * Postgres LISTEN on one channel over a connection of its own (a pooled one would be taken for
 * good), reconnecting with a back-off when it drops. Every replica of a service listens, so
 * an in-process copy of a table stays current in each of them whichever replica wrote the row.
 */
export class NotificationListener {
  private readonly logger = new Logger(NotificationListener.name);
  private readonly stop$ = new StopSignal();
  private client: Client | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly channel: string,
    private readonly handlers: NotificationHandlers,
    private readonly retryMs = 1000,
  ) {}

  /** Resolves once listening and `connected` has run, or once the first attempt failed (it keeps trying in the background). */
  start(): Promise<void> {
    let firstAttempt!: () => void;
    const settled = new Promise<void>((resolve) => (firstAttempt = resolve));
    this.running = this.loop(firstAttempt);
    return settled;
  }

  async stop(): Promise<void> {
    this.stop$.stop();
    await this.client?.end().catch(() => undefined);
    await this.running;
  }

  private async loop(firstAttempt: () => void): Promise<void> {
    while (!this.stop$.stopped) {
      let lost: Promise<void> | null = null;
      try {
        ({ lost } = await this.listenOnce());
      } catch (error) {
        if (!this.stop$.stopped) this.logger.warn(`LISTEN ${this.channel} failed: ${(error as Error).message}; retrying in ${this.retryMs} ms`);
      }
      firstAttempt();
      if (lost) await lost;
      this.handlers.disconnected();
      if (!this.stop$.stopped) await this.stop$.sleep(this.retryMs);
    }
  }

  /** Connects, listens and lets the owner catch up; `lost` settles when the connection goes. */
  private async listenOnce(): Promise<{ lost: Promise<void> }> {
    const options = this.dataSource.options as { url?: string; ssl?: unknown; extra?: { options?: string }; applicationName?: string };
    const client = new Client({
      connectionString: options.url,
      ssl: options.ssl as never,
      options: options.extra?.options,
      application_name: `${options.applicationName ?? 'cityworks'}-listen`,
    });
    const lost = new Promise<void>((resolve) => {
      client.once('end', () => resolve());
      let told = false; // pg reports one loss as several errors
      client.on('error', (error) => {
        if (!told && !this.stop$.stopped) this.logger.warn(`LISTEN ${this.channel} connection lost: ${error.message}`);
        told = true;
        resolve();
      });
    });
    client.on('notification', (message) => {
      if (message.channel === this.channel && message.payload !== undefined) this.handlers.notified(message.payload);
    });
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel.replace(/"/g, '')}"`);
      // after LISTEN: a change committed from here on is notified, one before it is in what `connected` reads
      await this.handlers.connected();
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    return { lost };
  }
}
