// Reads N records from a Trục topic with KafkaJS and @kafkajs/confluent-schema-registry, which
// fetch each record's schema from the registry by the id in its Confluent wire-format header.
// Prints one JSON line per decoded record. Usage: node decode.mjs <brokers> <registryUrl> <topic> <n>
// The registry wants a bearer token: TRUC_TOKEN, sent on every registry call.
import kafkajs from 'kafkajs';
import registryClient from '@kafkajs/confluent-schema-registry';
import lz4 from 'lz4js';

const { Kafka, CompressionTypes, CompressionCodecs, logLevel } = kafkajs;
const { SchemaRegistry } = registryClient;

// KafkaJS has no lz4 codec of its own; Trục's producers compress with lz4 (Kafka's LZ4 frames).
CompressionCodecs[CompressionTypes.LZ4] = () => ({
  compress: async (encoder) => Buffer.from(lz4.compress(encoder.buffer)),
  decompress: async (buffer) => Buffer.from(lz4.decompress(buffer)),
});

const [brokers, registryUrl, topic, wanted] = process.argv.slice(2);
const n = Number(wanted);
const kafka = new Kafka({ clientId: 'interop', brokers: brokers.split(','), logLevel: logLevel.ERROR });
const bearer = () => ({
  request: (req) => req.enhance({ headers: { Authorization: `Bearer ${process.env.TRUC_TOKEN}` } }),
});
const registry = new SchemaRegistry({ host: registryUrl, middlewares: [bearer] });
const consumer = kafka.consumer({ groupId: `interop-${Date.now()}` });

let seen = 0;
const timeout = setTimeout(() => {
  console.error(`timed out after ${seen} of ${n} records`);
  process.exit(2);
}, 60_000);

await consumer.connect();
await consumer.subscribe({ topic, fromBeginning: true });
await consumer.run({
  eachMessage: async ({ message }) => {
    if (seen >= n) return;
    const value = await registry.decode(message.value);
    seen++;
    console.log(JSON.stringify({
      key: message.key.toString(),
      personalId: value.personalId,
      fullName: value.fullName,
      schemaId: message.value.readInt32BE(1),
    }));
    if (seen === n) {
      // Not consumer.disconnect(): it waits for this very handler to return. Writes to a pipe
      // are synchronous on Linux, so every line above is out before the exit.
      process.exit(0);
    }
  },
});
