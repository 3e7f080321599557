package org.carillon.pbx.team;

/** Published after a team's queue changed (a caller joined, was offered, answered or left). */
public record TeamQueueChanged(long tenantId, long teamId) {
}
