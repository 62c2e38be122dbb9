/*
 * The sharing session (share-session.ts) with its banner state in a rune, for the shell, the banner and
 * the Share button. All the logic lives in ShareSession, which is unit-tested without Svelte.
 */
import type { EnteredInput } from '../console/types.ts';
import type { LinkOpening } from './link.ts';
import {
  type MadeLink,
  type ShareBannerState,
  type SharePlayground,
  ShareSession,
  type TabsPort,
} from './share-session.ts';

export type { MadeLink, ShareBannerState, TabsPort } from './share-session.ts';

export class ShareController {
  banner = $state<ShareBannerState | null>(null);
  private readonly session = new ShareSession((b) => (this.banner = b));

  attach(pg: SharePlayground, opening: LinkOpening, tabs: TabsPort): Promise<void> {
    return this.session.attach(pg, opening, tabs);
  }

  entered(tab: number, input: EnteredInput): void {
    this.session.entered(tab, input);
  }

  tabOpened(tab: number, name: string): void {
    this.session.tabOpened(tab, name);
  }

  tabRenamed(tab: number, name: string): void {
    this.session.tabRenamed(tab, name);
  }

  tabClosed(tab: number): void {
    this.session.tabClosed(tab);
  }

  dismiss(): void {
    this.session.dismiss();
  }

  makeLink(activeTab: number, pageHref: string): Promise<MadeLink> {
    return this.session.makeLink(activeTab, pageHref);
  }
}
