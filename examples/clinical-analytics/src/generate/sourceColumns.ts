import type { GeneratorKind } from '../datasets/datasetConfig';
import type { ColumnMapping } from '../mapping/columnMapping';

/**
 * The columns each generator writes, as the source system names them, and what the mapping
 * sheet maps them to. The mapping workbook the generator writes is made from this table.
 */
export const SOURCE_COLUMNS: Record<GeneratorKind, ColumnMapping[]> = {
  patients: [
    {
      source: 'PatID',
      canonical: 'patient_id',
      type: 'string',
      required: true,
      description: 'Registry patient number',
    },
    { source: 'Sex', canonical: 'sex', type: 'category', required: true, description: 'F or M, as registered' },
    { source: 'Age (yrs)', canonical: 'age', type: 'integer', required: true, description: 'Age at extract, in years' },
    { source: 'Region', canonical: 'region', type: 'category', required: false, description: 'Health region' },
    { source: 'BMI', canonical: 'bmi', type: 'number', required: false, description: 'Last recorded body-mass index' },
    { source: 'Smoker (Y/N)', canonical: 'smoker', type: 'boolean', required: false, description: 'Current smoker' },
    {
      source: 'Registered',
      canonical: 'registered_on',
      type: 'date',
      required: false,
      description: 'Registration date',
    },
  ],
  statin: [
    {
      source: 'Rx ID',
      canonical: 'prescription_id',
      type: 'string',
      required: true,
      description: 'Prescription number',
    },
    {
      source: 'PatID',
      canonical: 'patient_id',
      type: 'string',
      required: true,
      description: 'Registry patient number',
    },
    { source: 'Drug', canonical: 'drug', type: 'category', required: true, description: 'Statin, generic name' },
    { source: 'Dose (mg)', canonical: 'dose_mg', type: 'integer', required: false, description: 'Daily dose' },
    { source: 'Start Date', canonical: 'start_date', type: 'date', required: false, description: 'First issue' },
  ],
  dexa: [
    {
      source: 'Patient Identifier',
      canonical: 'patient_id',
      type: 'string',
      required: true,
      description: 'Registry patient number',
    },
    { source: 'Scan Date', canonical: 'scan_date', type: 'date', required: true, description: 'Date of the DEXA scan' },
    { source: 'Site', canonical: 'site', type: 'category', required: true, description: 'Skeletal site measured' },
    { source: 'BMD (g/cm2)', canonical: 'bmd', type: 'number', required: false, description: 'Bone mineral density' },
    {
      source: 'T-Score',
      canonical: 't_score',
      type: 'number',
      required: false,
      description: 'SDs from young-adult mean',
    },
    {
      source: 'Z-Score',
      canonical: 'z_score',
      type: 'number',
      required: false,
      description: 'SDs from age-matched mean',
    },
  ],
  labs: [
    {
      source: 'PatID',
      canonical: 'patient_id',
      type: 'string',
      required: true,
      description: 'Registry patient number',
    },
    {
      source: 'Test',
      canonical: 'test_code',
      type: 'category',
      required: true,
      description: 'LDL, HDL, HBA1C, VITD, CALCIUM',
    },
    { source: 'Value', canonical: 'result_value', type: 'number', required: false, description: 'Numeric result' },
    { source: 'Units', canonical: 'units', type: 'category', required: false, description: 'Units of the result' },
    { source: 'Collected', canonical: 'collected_on', type: 'date', required: false, description: 'Sample date' },
  ],
  visits: [
    {
      source: 'Patient',
      canonical: 'patient_id',
      type: 'string',
      required: true,
      description: 'Registry patient number',
    },
    { source: 'Visit Date', canonical: 'visit_date', type: 'date', required: true, description: 'Clinic visit date' },
    { source: 'Clinic', canonical: 'clinic', type: 'category', required: true, description: 'Specialty clinic' },
    { source: 'Minutes', canonical: 'duration_min', type: 'integer', required: false, description: 'Visit length' },
    { source: 'Follow-up?', canonical: 'follow_up', type: 'boolean', required: false, description: 'Follow-up booked' },
  ],
};

/** Extra, unmapped columns the visits workbook carries (a formula and a free-text note). */
export const VISITS_EXTRA_COLUMNS = ['Hours', 'Notes'] as const;
