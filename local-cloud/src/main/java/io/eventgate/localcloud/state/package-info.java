/**
 * What {@code --data-dir} keeps of local-cloud's own state: an owner-only, locked data directory and a write-ahead
 * journal with snapshots, so that a killed process loses nothing it acknowledged. DynamoDB Local and ElasticMQ keep
 * their data in their own storage, in sub-directories of the same directory.
 */
package io.eventgate.localcloud.state;
