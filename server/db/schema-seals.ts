// Table types of the seals area (seal authority, seals, seal use log).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the area's migration types
export interface SealTables {}
