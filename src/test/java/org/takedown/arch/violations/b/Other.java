package org.takedown.arch.violations.b;

import org.takedown.arch.violations.a.StrayWrites;

/** The other half of a deliberate package cycle for {@code ArchitectureTest}; never run. */
public class Other {

    StrayWrites back;
}
