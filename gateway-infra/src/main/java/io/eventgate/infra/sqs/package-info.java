/**
 * SQS queues of the topology (the orders inbox, its DLQ, the carrier delivery DLQ) with their redrive and access
 * policies, and the DLQ redrive command.
 */
package io.eventgate.infra.sqs;
