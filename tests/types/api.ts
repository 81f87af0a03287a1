// Type tests: the public API as users write it. `tsc --noEmit -p tests/types` fails CI when a signature in the
// .d.ts changes by accident. Nothing here runs.
import {
  CacheClient, CacheGet, CacheGetResponse, CollectionTtl, Configurations, CredentialProvider, MomentoErrorCode,
  TopicClient, TopicSubscribe, AuthClient, DisposableTokenScopes, ExpiresIn, PreviewLeaderboardClient,
  RefreshingCredentialProvider, SdkError, DefaultMomentoLoggerFactory, MomentoLogLevel, ExperimentalRequestLoggingMiddleware,
} from '../../pkg/web/index.js';

type Expect<T extends true> = T;
type Equal<A, B> = (<G>() => G extends A ? 1 : 2) extends (<G>() => G extends B ? 1 : 2) ? true : false;

async function usage(): Promise<void> {
  const client = new CacheClient({
    configuration: Configurations.Browser.latest().withClientTimeoutMillis(5000).withTransportMode('binary'),
    credentialProvider: CredentialProvider.fromString({ apiKey: 'k' }),
    defaultTtlSeconds: 60,
  });
  const r = await client.get('cache', 'key', { abortSignal: new AbortController().signal });
  switch (r.type) {
    case CacheGetResponse.Hit: { const v: string = r.valueString(); const b: Uint8Array = r.valueUint8Array(); void v; void b; break; }
    case CacheGetResponse.Miss: { const u: undefined = r.value(); void u; break; }
    case CacheGetResponse.Error: { const code: MomentoErrorCode = r.errorCode(); const e: SdkError = r.innerException(); void code; void e; break; }
    default: { const never: never = r; void never; }
  }
  if (r instanceof CacheGet.Hit) r.valueString();
  type _t1 = Expect<Equal<Awaited<ReturnType<CacheClient['get']>>, CacheGet.Response>>;

  await client.set('cache', 'k', new Uint8Array([1]), { ttl: 5 });
  const lambda = Configurations.Lambda.latest().withNumConnections(2).withFetch(fetch);
  const conns: number = lambda.numConnections;
  const viaFetch: typeof fetch | undefined = lambda.fetch;
  const web: boolean | undefined = CredentialProvider.fromString({ apiKey: 'k' }).webPrefix;
  void conns; void viaFetch; void web;
  Configurations.Laptop.latest()
    .withLoggerFactory(new DefaultMomentoLoggerFactory(MomentoLogLevel.DEBUG))
    .withMiddlewares([new ExperimentalRequestLoggingMiddleware(), { onNewRequest: () => ({ onResponseEnd: () => {} }) }]);
  await client.dictionarySetFields('cache', 'd', { a: '1' }, { ttl: CollectionTtl.of(60).withNoRefreshTtlOnUpdates() });
  await client.sortedSetFetchByScore('cache', 'z', { minScore: 0, order: 'DESC', count: 10 });
  await client.listPushBack('cache', 'l', 'v', { truncateFrontToSize: 10 });
  await client.setAddElements('cache', 's', ['a', 'b']);
  await client.cache('cache').get('k');

  const topics = new TopicClient({ credentialProvider: CredentialProvider.fromString({ apiKey: 'k' }) });
  const sub = await topics.subscribe('cache', 'topic', { onItem: (i) => i.valueString(), resumeAtTopicSequenceNumber: 3 });
  if (sub instanceof TopicSubscribe.Subscription) {
    for await (const item of sub) { const s: string = item.valueString(); void s; }
  }

  const refreshing = await RefreshingCredentialProvider.create({ fetchToken: async () => 'token' });
  void new CacheClient({ credentialProvider: refreshing, defaultTtlSeconds: 1 });

  const auth = new AuthClient({ credentialProvider: CredentialProvider.fromString({ apiKey: 'k' }) });
  await auth.generateDisposableToken(DisposableTokenScopes.cacheKeyPrefixReadWrite('cache', 'user-1:'), ExpiresIn.minutes(5));
  const board = new PreviewLeaderboardClient({ credentialProvider: CredentialProvider.fromString({ apiKey: 'k' }) })
    .leaderboard('cache', 'board');
  await board.upsert({ 1: 10 });

  // @ts-expect-error values must be strings or bytes
  await client.set('cache', 'k', 42);
  // @ts-expect-error transport modes are 'text' | 'binary'
  Configurations.Laptop.latest().withTransportMode('json');
}
void usage;

// Issue #13: drop-in names and types of the official SDK.
import momento, {
  CacheSetResponse, ReadConcern, StringMomentoTokenProvider, EnvMomentoTokenProvider, TopicClientConfiguration,
  InvalidArgumentError, CacheAlreadyExistsError, DefaultMomentoLoggerLevel, NoopMomentoLogger, PostUrlWebhookDestination,
  ListWebhooks, PutWebhookResponse, CompressorFactory, CompressionLevel, SimpleCacheClient, TopicConfigurations,
  StorageGetResponse,
} from '../../pkg/web/index.js';

async function dropIn(): Promise<void> {
  const client = new momento.CacheClient({ credentialProvider: CredentialProvider.fromString('k'), defaultTtlSeconds: 1 });
  const r = await client.get('c', 'k', { decompress: true });
  // Response enums are types too, as the official TypeScript enums are.
  const t: CacheGetResponse = r.type;
  const hit: CacheGetResponse.Hit = CacheGetResponse.Hit;
  const s: CacheSetResponse = (await client.set('c', 'k', 'v', { compress: true })).type;
  const rc: ReadConcern = ReadConcern.CONSISTENT;
  void t; void hit; void s; void rc;
  const p: StringMomentoTokenProvider = new StringMomentoTokenProvider({ apiKey: 'k' });
  const token: string = p.getAuthToken() + p.getCacheEndpoint() + String(p.isEndpointSecure());
  void token; void EnvMomentoTokenProvider;
  const c = Configurations.Laptop.latest().withReadConcern(ReadConcern.CONSISTENT)
    .withCompressionStrategy({ compressorFactory: CompressorFactory.default(), compressionLevel: CompressionLevel.Fastest });
  const deadline: number = c.getTransportStrategy().getGrpcConfig().getDeadlineMillis() + c.getClientTimeoutMillis();
  void deadline;
  const topicConfig: TopicClientConfiguration = TopicConfigurations.Default.latest();
  const topics = new TopicClient({ configuration: topicConfig });
  const put = await topics.putWebhook('c', 'w', { topicName: 't', destination: new PostUrlWebhookDestination('https://x') });
  const pt: PutWebhookResponse = put.type;
  const list = await topics.listWebhooks('c');
  if (list instanceof ListWebhooks.Success) { const url: string = list.getWebhooks()[0].destination.url(); void url; }
  void pt;
  try { CredentialProvider.fromString('bad'); } catch (e) {
    if (e instanceof InvalidArgumentError) { const code: string = e.errorCode(); void code; }
  }
  void new CacheAlreadyExistsError('m');
  void new momento.DefaultMomentoLoggerFactory(DefaultMomentoLoggerLevel.DEBUG);
  new NoopMomentoLogger().info('x');
  void new SimpleCacheClient('key', 60);
  const sg: StorageGetResponse = StorageGetResponse.Found;
  void sg;
}
void dropIn;

// Every `Success` variant carries the official `is_success: true` marker (the runtime sets it on all of them; the
// types of the variants with data left it out).
import {
  CacheDictionaryIncrement, CacheSortedSetIncrementScore, CacheSortedSetUnionStore, CacheListPushFront, LeaderboardFetch,
  LeaderboardLength, GetWebhookSecret, TopicPublish,
} from '../../pkg/web/index.js';
type _successMarkers = [
  Expect<Equal<CacheDictionaryIncrement.Success['is_success'], true>>,
  Expect<Equal<CacheSortedSetIncrementScore.Success['is_success'], true>>,
  Expect<Equal<CacheSortedSetUnionStore.Success['is_success'], true>>,
  Expect<Equal<CacheListPushFront.Success['is_success'], true>>,
  Expect<Equal<LeaderboardFetch.Success['is_success'], true>>,
  Expect<Equal<LeaderboardLength.Success['is_success'], true>>,
  Expect<Equal<GetWebhookSecret.Success['is_success'], true>>,
  Expect<Equal<ListWebhooks.Success['is_success'], true>>,
  Expect<Equal<TopicPublish.Success['is_success'], true>>,
];
