// The patched kafkajs send (patches/kafkajs+2.2.4.patch, ADR 0026): when a broker dies mid-send
// and its partitions move to a broker that has already acknowledged its own share, the retry must
// still send the moved partitions' messages there. kafkajs 2.2.4 kept responses per broker and
// sent nothing on that retry, reporting every message sent: events lost with the relay's rows
// marked published (seen once in CI's kafka-2 fault: 78 of 80 on Kafka).
// A unit test of kafkajs's own sendMessages with a fake cluster of two brokers; the cluster
// suite's kafka-broker-kill fault checks the same on three real brokers.
const createSendMessages = require('kafkajs/src/producer/sendMessages');
const createRetry = require('kafkajs/src/retry');
const { KafkaJSConnectionError } = require('kafkajs/src/errors');

interface ProduceRequest {
  topicData: { topic: string; partitions: { partition: string; firstSequence: number; messages: { value: string }[] }[] }[];
}

const TOPIC = 'approval.events';
/** what kafkajs awaits of the cluster and the producer's state but this test has no use for */
const nothing = async (): Promise<void> => undefined;

function twoBrokerCluster() {
  // partition 0 is led by broker 1 throughout; partition 1 by broker 2 until it dies
  const leaderOf: Record<string, number> = { '0': 1, '1': 2 };
  const requests: Record<number, ProduceRequest[]> = { 1: [], 2: [] };
  let offset = 100;
  const broker = (nodeId: number) => ({
    nodeId,
    async produce(request: ProduceRequest) {
      requests[nodeId].push(request);
      if (nodeId === 2) {
        // broker 2 dies before answering; its partition moves to broker 1
        leaderOf['1'] = 1;
        throw new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:19093', { broker: '127.0.0.1:19093' });
      }
      return {
        topics: request.topicData.map(({ topic, partitions }) => ({
          topicName: topic,
          partitions: partitions.map(({ partition, messages }) => {
            const baseOffset = String(offset);
            offset += messages.length;
            return { partition, errorCode: 0, baseOffset, logAppendTime: '-1', logStartOffset: '0' };
          }),
        })),
      };
    },
  });
  const brokers = { 1: broker(1), 2: broker(2) } as Record<number, ReturnType<typeof broker>>;
  const cluster = {
    targetTopics: new Set([TOPIC]),
    refreshMetadataIfNecessary: nothing,
    refreshMetadata: nothing,
    addMultipleTargetTopics: nothing,
    isConnected: () => true,
    removeBroker: nothing,
    findTopicPartitionMetadata: () => Object.keys(leaderOf).map((p) => ({ partitionId: Number(p), leader: leaderOf[p] })),
    findLeaderForPartitions: (_topic: string, partitions: string[]) =>
      partitions.reduce<Record<string, string[]>>((byLeader, p) => {
        (byLeader[leaderOf[p]] ??= []).push(p);
        return byLeader;
      }, {}),
    findBroker: async ({ nodeId }: { nodeId: string }) => brokers[Number(nodeId)],
  };
  const sequences = new Map<string, number>();
  const eosManager = {
    isTransactional: () => false,
    getProducerId: () => 7,
    getProducerEpoch: () => 0,
    getSequence: (topic: string, partition: number) => sequences.get(`${topic}:${partition}`) ?? 0,
    updateSequence: (topic: string, partition: number, increment: number) =>
      sequences.set(`${topic}:${partition}`, (sequences.get(`${topic}:${partition}`) ?? 0) + increment),
    acquireBrokerLock: nothing,
    releaseBrokerLock: nothing,
  };
  return { cluster, eosManager, requests, sequences };
}

describe('kafkajs send when a partition leader dies mid-send (patched)', () => {
  it('sends the moved partition to its new leader, even one that already acknowledged its own share', async () => {
    const { cluster, eosManager, requests, sequences } = twoBrokerCluster();
    const logger = { debug: nothing, error: nothing, warn: nothing, info: nothing };
    const send = createSendMessages({
      logger,
      cluster,
      // messages name their partition, so the test decides where each goes
      partitioner: ({ message }: { message: { partition: number } }) => message.partition,
      eosManager,
      retrier: createRetry({ retries: 3, initialRetryTime: 1, maxRetryTime: 5 }),
    });
    const messages = [
      { partition: 0, value: 'a' },
      { partition: 1, value: 'b' },
      { partition: 1, value: 'c' },
    ];

    const result = await send({ acks: -1, timeout: 1000, topicMessages: [{ topic: TOPIC, messages }] });

    // broker 2 got partition 1 once and died; broker 1 got partition 0, then partition 1 alone
    expect(requests[2].map((r) => r.topicData[0].partitions.map((p) => Number(p.partition)))).toEqual([[1]]);
    expect(requests[1].map((r) => r.topicData[0].partitions.map((p) => Number(p.partition)))).toEqual([[0], [1]]);
    const resent = requests[1][1].topicData[0].partitions[0];
    expect(resent.messages.map((m) => m.value)).toEqual(['b', 'c']);
    // the same sequence numbers as the lost attempt, so a copy the dead broker passed on is kept once
    expect(resent.firstSequence).toBe(requests[2][0].topicData[0].partitions[0].firstSequence);
    expect(sequences.get(`${TOPIC}:1`)).toBe(2);
    expect(sequences.get(`${TOPIC}:0`)).toBe(1);
    // the answer covers every partition, each once
    expect(result.map((r: { partition: number }) => Number(r.partition)).sort()).toEqual([0, 1]);
  });
});
