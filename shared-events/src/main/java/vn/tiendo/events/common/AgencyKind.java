package vn.tiendo.events.common;

/** Where an agency sits in the province's hierarchy. */
public enum AgencyKind {
    /** UBND tỉnh: the province itself. */
    PROVINCE,
    /** Sở, ban, ngành: a provincial department. */
    DEPARTMENT,
    /** Other provincial bodies: press, police, universities, state-owned enterprises, branches of central agencies. */
    PROVINCIAL_UNIT,
    /**
     * Huyện, thị xã, thành phố thuộc tỉnh: the district level, abolished by the 2025 reorganisation (1 July 2025) and
     * kept for the plans and reports made before it.
     */
    DISTRICT,
    /** UBND xã, phường, and the cities and towns above them. */
    COMMUNE_WARD,
    /** Phòng, đơn vị thuộc Sở: a division inside an agency. */
    DIVISION
}
