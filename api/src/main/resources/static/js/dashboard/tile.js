// A tile's state, shown to people and to tests alike through its data-state attribute:
// loading, ready, empty (the range holds no data) or error (with the server's message).

export class Tile {
  constructor(id) {
    this.element = document.getElementById(id);
    this.status = this.element.querySelector('.status');
  }

  loading() {
    this.set('loading', 'Loading…');
  }

  ready() {
    this.set('ready', '');
  }

  empty(message) {
    this.set('empty', message);
  }

  error(error) {
    this.set('error', error.message || String(error));
  }

  set(state, message) {
    this.element.dataset.state = state;
    this.status.textContent = message;
  }

  /** The tile's element with class `name` ('body', 'chart', 'tile-subtitle'). */
  part(name) {
    return this.element.querySelector('.' + name);
  }
}

/**
 * Runs loads one after another's results: a result is shown only if no newer load started meanwhile, so a slow
 * answer to an old view never overwrites the current one.
 */
export class Latest {
  constructor() {
    this.sequence = 0;
  }

  /**
   * Calls `load`, then `show` with its result or `fail` with its error, unless a newer run began. An error thrown
   * by `show` is a defect of the page, not of the data: it is left to reach the console.
   */
  async run(load, show, fail) {
    const mine = ++this.sequence;
    let result;
    try {
      result = await load();
    } catch (e) {
      if (mine === this.sequence) fail(e);
      return;
    }
    if (mine === this.sequence) show(result);
  }
}
