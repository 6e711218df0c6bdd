-- Where the relay of events to Kafka stands (events.kafka.KafkaRelay): the sequence of the last event the brokers
-- acknowledged. A round locks this row (FOR UPDATE SKIP LOCKED, so one instance relays) and moves it only after
-- every event up to it was acknowledged; a restart resumes from it. 0: nothing published yet, so a store that turns
-- Kafka on publishes its whole history first.
CREATE TABLE kafka_relay_position (
    relay        text PRIMARY KEY,
    position     bigint NOT NULL DEFAULT 0 CHECK (position >= 0),
    published_at timestamptz
);

INSERT INTO kafka_relay_position (relay) VALUES ('kafka');
