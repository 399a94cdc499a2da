/**
 * The orders service's HTTP edge as a whole: the one advice that turns every feature's refusals into problem details
 * (service-web's error vocabulary).
 */
package io.eventgate.orders.web;
