/**
 * A button that opens the file chooser (a label around a hidden file input, styled as an Ant
 * Design button). The input is cleared after each choice, so choosing the same file again
 * imports it again.
 */
export function FileImportButton(props: {
  label: string;
  accept: string;
  onFile: (file: File) => void;
  testId?: string;
}) {
  return (
    <label className="ant-btn ant-btn-default import-button">
      {props.label}
      <input
        type="file"
        accept={props.accept}
        hidden
        {...(props.testId ? { 'data-testid': props.testId } : {})}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) props.onFile(file);
        }}
      />
    </label>
  );
}
