package org.takedown.victim.list;

import jakarta.validation.Valid;

/** A new import into a list; without a mapping, columns are found by their usual headers ({@link ColumnMapping}). */
public record ImportRequest(@Valid ColumnMapping mapping) {}
