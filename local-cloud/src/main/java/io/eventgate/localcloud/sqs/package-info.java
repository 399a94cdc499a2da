/**
 * SQS, served by ElasticMQ on a loopback port behind the edge, with what local-cloud adds in front of it: queue
 * policies, dead-letter redrive (message move tasks), AWS's error shapes, and ElasticMQ's own storage wired for
 * {@code --data-dir}.
 */
package io.eventgate.localcloud.sqs;
