// The source and channel filters: checkbox lists in a <details> drop-down, filled from the `sources` query.

/**
 * The sources to offer: every source the warehouse knows (with its contacts), then any the URL names that it
 * does not know, so that they can be unticked (the server answers them with an error).
 */
export function sourceOptions(sourceInfos, selected) {
  const known = sourceInfos.map((info) => ({ value: info.source, label: info.label, count: info.contacts }));
  const unknown = selected.filter((source) => !sourceInfos.some((info) => info.source === source))
    .map((source) => ({ value: source, label: source, count: null }));
  return [...known, ...unknown];
}

/** The channels of the known sources, and any the URL names. */
export function channelOptions(sourceInfos, selected) {
  const channels = [...new Set([...sourceInfos.map((info) => info.channel), ...selected])];
  return channels.map((channel) => ({ value: channel, label: channel, count: null }));
}

/** Fills the picker `id` with a checkbox per option and says in its summary what is picked. */
export function renderPicker(id, options, selected) {
  const picker = document.getElementById(id);
  const container = picker.querySelector('.options');
  container.replaceChildren(...options.map((option) => {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = option.value;
    box.checked = selected.includes(option.value);
    label.append(box, ' ' + option.label);
    if (option.count != null) {
      const count = document.createElement('span');
      count.className = 'count';
      count.textContent = ` ${option.count.toLocaleString('en-US')} contacts`;
      label.append(count);
    }
    return label;
  }));
  const labels = options.filter((option) => selected.includes(option.value)).map((option) => option.label);
  picker.querySelector('.picked').textContent = labels.length === 0 ? 'all'
    : labels.length <= 2 ? labels.join(', ') : `${labels.length} selected`;
}
