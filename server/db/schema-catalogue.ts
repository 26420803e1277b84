// Table types of the catalogue area (items, versions, search).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the area's migration types
export interface CatalogueTables {}
