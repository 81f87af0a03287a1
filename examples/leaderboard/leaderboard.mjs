// A game leaderboard (PreviewLeaderboardClient). Run: MOMENTO_API_KEY=<key> node leaderboard.mjs
// Player ids are integers; scores are numbers. Ranks start at 0.
import {
  CacheClient, Configurations, CredentialProvider, LeaderboardOrder, PreviewLeaderboardClient,
} from 'momento-wasm';

const credentialProvider = CredentialProvider.fromEnvironmentVariable('MOMENTO_API_KEY');
const CACHE = 'example-leaderboard';
const cache = new CacheClient({ configuration: Configurations.Laptop.latest(), credentialProvider, defaultTtlSeconds: 60 });
const created = await cache.createCache(CACHE);
if (created.type === 'Error') throw created.innerException();
cache.close();

const client = new PreviewLeaderboardClient({ credentialProvider });
const board = client.leaderboard(CACHE, 'weekly');
await board.delete(); // start from scratch on every run

const names = { 1: 'ada', 2: 'grace', 3: 'alan', 4: 'barbara' };
const upserted = await board.upsert({ 1: 4200, 2: 5100, 3: 3900, 4: 5100 });
if (upserted.type === 'Error') throw upserted.innerException();
await board.upsert(new Map([[3, 6000]])); // alan's new high score

const top = await board.fetchByRank(0, 3, { order: LeaderboardOrder.Descending });
if (top.type === 'Success') {
  for (const e of top.values()) console.log(`#${e.rank + 1} ${names[e.id]} ${e.score}`);
}
const ada = await board.getRank([1], { order: LeaderboardOrder.Descending });
if (ada.type === 'Success') console.log(`ada is #${ada.values()[0].rank + 1}`);
const length = await board.length();
if (length.type === 'Success') console.log(`${length.length()} players`);
client.close();
