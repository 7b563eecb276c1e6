import type { RegistryNames } from '../lib/redaction/redaction.types';

/**
 * A small regional slice of the organisation registry, in the shape the response service passes at runtime.
 * Fictional names, so that test comments criticise no real provider.
 */
export const testRegistry: RegistryNames = {
  organisations: [
    'Northvale Teaching Hospitals NHS Foundation Trust',
    'Pennine Vale Mental Health NHS Trust',
    'Calderbrook Community Healthcare NHS Trust',
    'Northern Moors Ambulance Service NHS Trust',
    'University of Northvale',
    'Kingsmead University',
    'Riverbank Medical Practice',
    'Harbour Street Surgery',
    'Wellspring Pharmacy',
    'Ashgrove Care Home',
    "St Cuthbert's Hospice",
    'Oakfield Primary Care Network',
    'Brightwater Dental Practice',
  ],
  sites: [
    'Northvale General Hospital',
    'Northvale Royal Infirmary',
    "St Aidan's Hospital",
    'Castlegate Community Hospital',
    'Calderbrook Memorial Hospital',
    'Moorside Health Centre',
    'Brambleside Unit',
    'The Larches',
    'Fernlea House',
    'Westgate Clinic',
    'Riverside Birth Centre',
    'Hollins Park',
  ],
};
