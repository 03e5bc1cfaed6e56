/**
 * The casework module's reactions to events: opening the shared case when a hospital submits a report, and telling
 * the people of a case what changed.
 */
package org.vigil.casework.events;
