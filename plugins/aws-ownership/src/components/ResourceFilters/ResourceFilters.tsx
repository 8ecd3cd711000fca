import { useEffect, useState } from 'react';
import {
  Chip,
  Grid,
  InputAdornment,
  MenuItem,
  TextField,
} from '@material-ui/core';
import Autocomplete from '@material-ui/lab/Autocomplete';
import SearchIcon from '@material-ui/icons/Search';
import useDebounce from 'react-use/esm/useDebounce';
import {
  classificationTable,
  ResourceListQuery,
} from '@aws-ownership/backstage-plugin-common';
import { useScannedAccounts } from '../../hooks/useScannedAccounts';
import { checkText } from '../../utils';
import { checklistLabels } from '../ChecklistScores';

/** The filters a person can set on a resources view. */
export type ResourceFilterValues = Pick<
  ResourceListQuery,
  | 'account'
  | 'region'
  | 'resourceType'
  | 'category'
  | 'checklist'
  | 'checkId'
  | 'q'
>;

const categories = [
  'infrastructure',
  'container',
  'abstract',
  'unclassified',
] as const;
const resourceTypes = Object.keys(classificationTable).sort();

const nonEmpty = <T,>(values: T[]) => (values.length ? values : undefined);

const MultiSelect = (props: {
  id: string;
  label: string;
  options: string[];
  value?: string[];
  onChange: (value?: string[]) => void;
  render?: (option: string) => string;
}) => (
  <TextField
    id={props.id}
    select
    fullWidth
    variant="outlined"
    size="small"
    label={props.label}
    value={props.value ?? []}
    SelectProps={{
      multiple: true,
      renderValue: selected =>
        (selected as string[]).map(v => props.render?.(v) ?? v).join(', '),
    }}
    onChange={e => props.onChange(nonEmpty(e.target.value as any as string[]))}
  >
    {props.options.map(option => (
      <MenuItem key={option} value={option}>
        {props.render?.(option) ?? option}
      </MenuItem>
    ))}
  </TextField>
);

/**
 * The server-side filters of a resources view: account, region, resource
 * type, category, checklist, and text.
 */
export const ResourceFilters = (props: {
  value: ResourceFilterValues;
  onChange: (value: ResourceFilterValues) => void;
}) => {
  const { value, onChange } = props;
  const accounts = useScannedAccounts().value ?? [];
  const regions = [...new Set(accounts.flatMap(a => a.regions))].sort();
  const [text, setText] = useState(value.q ?? '');
  useEffect(() => setText(value.q ?? ''), [value.q]);
  useDebounce(
    () => {
      if ((value.q ?? '') !== text) {
        onChange({ ...value, q: text || undefined });
      }
    },
    300,
    [text],
  );

  return (
    <Grid container spacing={1} alignItems="center">
      <Grid item xs={12} sm={6} md={2}>
        <MultiSelect
          id="aws-ownership-filter-account"
          label="Account"
          options={accounts.map(a => a.accountId)}
          value={value.account}
          onChange={account => onChange({ ...value, account })}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <MultiSelect
          id="aws-ownership-filter-region"
          label="Region"
          options={regions}
          value={value.region}
          onChange={region => onChange({ ...value, region })}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <Autocomplete
          multiple
          freeSolo
          size="small"
          options={resourceTypes}
          value={value.resourceType ?? []}
          onChange={(_e, types) =>
            onChange({ ...value, resourceType: nonEmpty(types as string[]) })
          }
          renderInput={params => (
            <TextField {...params} variant="outlined" label="Resource type" />
          )}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <MultiSelect
          id="aws-ownership-filter-category"
          label="Category"
          options={[...categories]}
          value={value.category}
          onChange={category =>
            onChange({
              ...value,
              category: category as ResourceFilterValues['category'],
            })
          }
        />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <TextField
          id="aws-ownership-filter-checklist"
          select
          fullWidth
          variant="outlined"
          size="small"
          label="Failing"
          value={value.checklist ?? ''}
          onChange={e =>
            onChange({
              ...value,
              checklist: (e.target.value ||
                undefined) as ResourceFilterValues['checklist'],
            })
          }
        >
          <MenuItem value="">Any checklist</MenuItem>
          {Object.entries(checklistLabels).map(([id, label]) => (
            <MenuItem key={id} value={id}>
              {label}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <TextField
          fullWidth
          variant="outlined"
          size="small"
          label="Search"
          placeholder="ARN, name or tag"
          value={text}
          onChange={e => setText(e.target.value)}
          InputProps={{
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" />
              </InputAdornment>
            ),
          }}
        />
      </Grid>
      {value.checkId && (
        <Grid item xs={12}>
          <Chip
            label={`Failing: ${checkText(value.checkId).title}`}
            onDelete={() => onChange({ ...value, checkId: undefined })}
          />
        </Grid>
      )}
    </Grid>
  );
};
