package com.queenofsandiego.charter.reconcile;

import com.fasterxml.jackson.databind.JsonNode;

/** An entry or event as a server returned it: its id and every field. */
public record RemoteEntry(String id, JsonNode fields) {}
