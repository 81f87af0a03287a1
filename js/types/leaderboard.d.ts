// Types of PreviewLeaderboardClient, its leaderboard objects and responses (official @gomomento/sdk-web names).
import { SuccessEnum, SuccessResponses } from './enums.js';
import type { Configuration, CredentialProvider, Empty, ErrorResponse, ResponseBase, SuccessBase } from '../index.js';


/** Ranking order: rank 0 is the lowest (`Ascending`, default) or highest (`Descending`) score. */
export declare const LeaderboardOrder: Readonly<{ Ascending: 'ASC'; Descending: 'DESC' }>;
export type LeaderboardOrder = (typeof LeaderboardOrder)[keyof typeof LeaderboardOrder];

/** Configuration presets of the leaderboard client. */
export declare const LeaderboardConfigurations: Readonly<{ Laptop: { v1(): Configuration; latest(): Configuration } }>;

/** An element with its 0-based rank. */
export interface LeaderboardElement { id: number; score: number; rank: number; }

export declare namespace LeaderboardFetch {
  class Success extends SuccessBase {
    /** The elements in order. */
    values(): LeaderboardElement[];
  }
  class Error extends ErrorResponse {}
  type Response = Success | Error;
}
export declare namespace LeaderboardLength {
  class Success extends SuccessBase {
    /** The number of elements. */
    length(): number;
  }
  class Error extends ErrorResponse {}
  type Response = Success | Error;
}
export import LeaderboardUpsert = SuccessResponses;
export import LeaderboardRemoveElements = SuccessResponses;
export import LeaderboardDelete = SuccessResponses;
export {
  SuccessEnum as LeaderboardUpsertResponse, SuccessEnum as LeaderboardFetchResponse,
  SuccessEnum as LeaderboardLengthResponse, SuccessEnum as LeaderboardRemoveElementsResponse,
  SuccessEnum as LeaderboardDeleteResponse
};

/** Options of `fetchByScore`. */
export interface LeaderboardFetchByScoreCallOptions {
  /** Inclusive lower bound (default: unbounded). */
  minScore?: number;
  /** Exclusive upper bound (default: unbounded). */
  maxScore?: number;
  order?: LeaderboardOrder;
  /** Matching elements to skip (≥ 0, default 0). */
  offset?: number;
  /** Most elements to return (> 0, default and max 8192). */
  count?: number;
}
/** Options of `fetchByRank`. */
export interface LeaderboardFetchByRankCallOptions { order?: LeaderboardOrder; }
/** Options of `getRank`. */
export interface LeaderboardGetRankCallOptions { order?: LeaderboardOrder; }

/** One leaderboard; element ids are integers from 0 to 2^32 - 1. */
export interface ILeaderboard {
  upsert(elements: Record<number, number> | Map<number, number>): Promise<LeaderboardUpsert.Response>;
  fetchByScore(options?: LeaderboardFetchByScoreCallOptions): Promise<LeaderboardFetch.Response>;
  fetchByRank(startRank: number, endRank: number, options?: LeaderboardFetchByRankCallOptions): Promise<LeaderboardFetch.Response>;
  getRank(ids: number[], options?: LeaderboardGetRankCallOptions): Promise<LeaderboardFetch.Response>;
  length(): Promise<LeaderboardLength.Response>;
  removeElements(ids: number[]): Promise<LeaderboardRemoveElements.Response>;
  delete(): Promise<LeaderboardDelete.Response>;
}

/** Properties of a `PreviewLeaderboardClient`. */
export interface LeaderboardClientProps {
  /** Default `LeaderboardConfigurations.Laptop.latest()`. */
  configuration?: Configuration;
  /** Default: MOMENTO_API_KEY (+ MOMENTO_ENDPOINT for v2 keys). */
  credentialProvider?: CredentialProvider;
}

/** PREVIEW leaderboard client; `throwOnErrors` comes from the configuration. */
export declare class PreviewLeaderboardClient {
  constructor(props?: LeaderboardClientProps);
  readonly configuration: Configuration;
  close(): void;
  /** Throws InvalidArgumentError if either name is empty. */
  leaderboard(cacheName: string, leaderboardName: string): ILeaderboard;
}

export {};
