/**
 * The agenda domain of Sportello (catalogue, offices, calendar, slots, bookings), its persistence, and the
 * multi-tenancy machinery that keeps each Questura in its own PostgreSQL schema.
 */
package it.sportello.core;
