import { useState } from 'react';
import { IconButton, Tooltip } from '@material-ui/core';
import FileCopyOutlined from '@material-ui/icons/FileCopyOutlined';
import CheckIcon from '@material-ui/icons/Check';

/** Copies a text to the clipboard, and says so. */
export const CopyButton = (props: { text: string; label: string }) => {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await window.navigator.clipboard?.writeText(props.text);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <Tooltip title={copied ? 'Copied' : props.label}>
      <IconButton size="small" aria-label={props.label} onClick={copy}>
        {copied ? (
          <CheckIcon fontSize="small" />
        ) : (
          <FileCopyOutlined fontSize="small" />
        )}
      </IconButton>
    </Tooltip>
  );
};
