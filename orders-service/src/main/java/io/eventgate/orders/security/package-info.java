/**
 * Who may call what on the orders API (the README's trust model, "Reading orders"): placing an order and reading
 * one by its unguessable id are open; listing orders by status needs the operator credential (HTTP Basic). Enforced
 * by Spring Security, with every 401 and 403 answered as a problem.
 */
package io.eventgate.orders.security;
