// Part 2 of the conformance suite (spec/engine/suite.ts deals the items to the parts by recorded cost).
import { defineConformancePart } from '../engine/suite.ts';

await defineConformancePart(2);
