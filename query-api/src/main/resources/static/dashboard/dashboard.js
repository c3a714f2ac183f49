// Customer 360 marketing dashboard: plain JavaScript over the query API and Chart.js.
// The credential (an API key, or an access token such as a Cognito one, which is what there is in
// AWS) is typed by the user and kept in sessionStorage for this tab only; it is never logged.
(() => {
  'use strict';

  const KEY_STORAGE = 'c360.apiKey';
  const $ = (id) => document.getElementById(id);
  const charts = {};
  const state = { meta: null, geoState: null, refreshes: 0, trendTimer: null };

  // ---- API ---------------------------------------------------------------------------------

  async function api(path, params) {
    const url = new URL(path, window.location.origin);
    Object.entries(params || {}).forEach(([name, value]) => {
      if (value !== null && value !== undefined && value !== '') {
        url.searchParams.set(name, value);
      }
    });
    const credential = sessionStorage.getItem(KEY_STORAGE) || '';
    const token = isAccessToken(credential);
    const headers = { Accept: 'application/json' };
    if (token) {
      headers.Authorization = 'Bearer ' + credential;
    } else {
      headers['X-API-Key'] = credential;
    }
    const response = await fetch(url, { headers });
    const body = await response.json().catch(() => ({}));
    if (response.status === 401) {
      signOut(token ? 'The access token was not accepted.' : 'The API key was not accepted.');
      throw new Error('unauthenticated');
    }
    if (!response.ok) {
      throw new Error((body.parameter ? body.parameter + ': ' : '') + (body.detail || response.statusText));
    }
    return body;
  }

  // A JWT: three dot-separated base64url parts whose first is a JSON header naming an algorithm.
  // Anything else is sent as an API key, as before.
  function isAccessToken(credential) {
    const parts = credential.split('.');
    if (parts.length !== 3 || !parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part))) {
      return false;
    }
    try {
      const header = JSON.parse(atob(parts[0].replace(/-/g, '+').replace(/_/g, '/')));
      return typeof header === 'object' && header !== null && typeof header.alg === 'string';
    } catch (e) {
      return false;
    }
  }

  // ---- period and filters ------------------------------------------------------------------

  function isoDate(date) {
    return date.toISOString().slice(0, 10);
  }

  function addDays(iso, days) {
    const d = new Date(iso + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + days);
    return isoDate(d);
  }

  function period() {
    return { from: $('from').value, to: $('to').value };
  }

  function filters() {
    return { state: $('state').value, category: $('category').value };
  }

  function lastDay() {
    return (state.meta && state.meta.lastOrderDate) || isoDate(new Date());
  }

  function applyPreset(preset) {
    const to = lastDay();
    if (preset === 'month') {
      $('from').value = to.slice(0, 8) + '01';
      const next = new Date(to.slice(0, 8) + '01T00:00:00Z');
      next.setUTCMonth(next.getUTCMonth() + 1);
      next.setUTCDate(0);
      $('to').value = isoDate(next);
    } else {
      $('to').value = to;
      $('from').value = addDays(to, -(Number(preset) - 1));
    }
  }

  function fillSelect(select, values) {
    values.forEach((value) => {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = value;
      select.appendChild(option);
    });
  }

  // ---- rendering helpers -------------------------------------------------------------------

  function money(value) {
    return value === null || value === undefined ? '' : Number(value).toFixed(2);
  }

  function draw(id, config) {
    if (charts[id]) {
      charts[id].destroy();
    }
    config.options = Object.assign({ animation: false, responsive: true, maintainAspectRatio: false }, config.options);
    charts[id] = new Chart($(id), config);
    return charts[id];
  }

  function fillTable(tableId, rows, cells, onClick) {
    const body = $(tableId).querySelector('tbody');
    body.replaceChildren();
    rows.forEach((row) => {
      const tr = document.createElement('tr');
      cells(row).forEach(([text, value, numeric]) => {
        const td = document.createElement('td');
        td.textContent = text;
        td.dataset.value = value === undefined ? text : value;
        if (numeric) {
          td.className = 'num';
        }
        tr.appendChild(td);
      });
      if (onClick) {
        tr.addEventListener('click', () => onClick(row));
      }
      body.appendChild(tr);
    });
  }

  function clickHandler(rows, onClick) {
    return (event, elements) => {
      if (elements.length > 0) {
        onClick(rows[elements[0].index]);
      }
    };
  }

  function heat(value, max) {
    const t = max > 0 ? value / max : 0;
    return `rgba(${Math.round(255 * t)}, ${Math.round(80 + 60 * (1 - t))}, ${Math.round(200 * (1 - t))}, 0.7)`;
  }

  // ---- panels ------------------------------------------------------------------------------

  async function loadGeography() {
    const p = period();
    const f = filters();
    const drillState = state.geoState || f.state;
    const page = await api('/api/v1/geography/activity', {
      from: p.from, to: p.to, level: drillState ? 'zip' : 'state', state: drillState, size: 200,
    });
    const rows = page.items.filter((r) => r.latitude !== null && r.longitude !== null);
    const max = Math.max(0, ...page.items.map((r) => r.sessions));
    $('geoLevel').textContent = drillState ? 'zips of ' + drillState : 'by state';
    $('geoBack').hidden = !state.geoState;
    draw('geoChart', {
      type: 'bubble',
      data: {
        datasets: [{
          label: 'Sessions',
          data: rows.map((r) => ({ x: r.longitude, y: r.latitude, r: 4 + 20 * Math.sqrt(max ? r.sessions / max : 0) })),
          backgroundColor: rows.map((r) => heat(r.sessions, max)),
        }],
      },
      options: {
        onClick: clickHandler(rows, drillGeography),
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (c) => placeName(rows[c.dataIndex]) + ': ' + rows[c.dataIndex].sessions + ' sessions' } },
        },
        scales: { x: { title: { display: true, text: 'longitude' } }, y: { title: { display: true, text: 'latitude' } } },
      },
    });
    fillTable('geoTable', page.items, (r) => [
      [placeName(r), r.zip || r.state],
      [String(r.sessions), r.sessions, true],
      [String(r.orders), r.orders, true],
      [money(r.revenue), r.revenue, true],
    ], drillGeography);
  }

  function placeName(row) {
    return row.zip ? row.zip + ' ' + (row.city || '') : row.state;
  }

  function drillGeography(row) {
    if (!row.zip) {
      state.geoState = row.state;
      loadGeography().catch(showError);
    } else {
      showDetail('order lines shipped to ' + row.zip, row.links.orderLines);
    }
  }

  async function loadCoupons() {
    const p = period();
    const page = await api('/api/v1/marketing/coupon-redemptions', {
      from: p.from, to: p.to, groupBy: 'category', category: filters().category, size: 50,
    });
    const rows = page.items;
    draw('couponChart', {
      type: 'bar',
      data: {
        labels: rows.map((r) => r.category),
        datasets: [{ label: 'Redemptions', data: rows.map((r) => r.redemptions), backgroundColor: '#457b9d' }],
      },
      options: { onClick: clickHandler(rows, drillCoupon), plugins: { legend: { display: false } } },
    });
    fillTable('couponTable', rows, (r) => [
      [r.category],
      [String(r.redemptions), r.redemptions, true],
      [money(r.discountAmount), r.discountAmount, true],
      [money(r.revenue), r.revenue, true],
    ], drillCoupon);
  }

  function drillCoupon(row) {
    showDetail('coupons redeemed on ' + row.category, row.links.coupons);
  }

  async function loadReferrals() {
    const p = period();
    const page = await api('/api/v1/marketing/campaign-referrals', { from: p.from, to: p.to, size: 10 });
    const rows = page.items;
    draw('referralChart', {
      type: 'bar',
      data: {
        labels: rows.map((r) => r.campaignId + ' ' + (r.utmCampaign || '')),
        datasets: [
          { label: 'Sessions', data: rows.map((r) => r.sessions), backgroundColor: '#2a9d8f' },
          { label: 'Orders', data: rows.map((r) => r.orders), backgroundColor: '#e9c46a' },
        ],
      },
      options: { indexAxis: 'y', onClick: clickHandler(rows, drillReferral) },
    });
    fillTable('referralTable', rows, (r) => [
      [r.campaignId],
      [r.utmSource || ''],
      [String(r.sessions), r.sessions, true],
      [String(r.orders), r.orders, true],
      [money(r.revenue), r.revenue, true],
    ], drillReferral);
  }

  function drillReferral(row) {
    showDetail('daily referrals of ' + row.campaignId, row.links.daily);
  }

  async function loadZips() {
    const p = period();
    const f = filters();
    const result = await api('/api/v1/sales/by-zip', {
      from: p.from, to: p.to, compareTo: $('compareTo').value, groupBy: 'zip',
      state: f.state, category: f.category, size: 15, sort: 'revenue,desc',
    });
    const rows = result.rows.items;
    $('zipPeriod').textContent = result.period.from + ' – ' + result.period.to;
    $('zipComparison').textContent = result.comparison.from + ' – ' + result.comparison.to;
    draw('zipChart', {
      type: 'bar',
      data: {
        labels: rows.map((r) => r.zip),
        datasets: [
          { label: 'Current', data: rows.map((r) => r.revenue), backgroundColor: '#1d3557' },
          { label: 'Previous', data: rows.map((r) => r.previousRevenue), backgroundColor: '#a8dadc' },
        ],
      },
      options: { onClick: clickHandler(rows, drillZip) },
    });
    fillTable('zipTable', rows, (r) => [
      [r.zip],
      [r.city || ''],
      [money(r.revenue), r.revenue, true],
      [money(r.previousRevenue), r.previousRevenue, true],
      [r.revenueChangePercent === null ? '—' : r.revenueChangePercent + '%', r.revenueChangePercent ?? '', true],
    ], drillZip);
  }

  function drillZip(row) {
    const link = row.links.categories + '&compareTo=' + encodeURIComponent($('compareTo').value);
    showDetail('categories in ' + row.zip, link);
  }

  async function loadTrend() {
    const p = period();
    const f = filters();
    const hours = Number($('trendHours').value);
    const today = isoDate(new Date());
    const live = p.to >= today;
    const bucket = hours <= 1 ? 1 : hours <= 6 ? 5 : hours <= 24 ? 15 : 60;
    const trend = await api('/api/v1/purchases/per-minute', {
      hours, bucketMinutes: bucket, until: live ? null : addDays(p.to, 1) + 'T00:00:00Z',
      state: f.state, category: f.category, size: 500,
    });
    const points = trend.points.items;
    $('trendWindow').textContent = trend.from.slice(0, 16) + ' – ' + trend.until.slice(0, 16) + ' UTC, per ' + bucket + ' min';
    $('trendTotals').textContent = trend.totals.purchases + ' purchases, ' + money(trend.totals.revenue) + ' USD';
    $('trendTotals').dataset.purchases = trend.totals.purchases;
    draw('trendChart', {
      type: 'line',
      data: {
        labels: points.map((pt) => pt.start.slice(11, 16)),
        datasets: [{ label: 'Purchases', data: points.map((pt) => pt.figures.purchases), borderColor: '#e63946', pointRadius: 2, tension: 0.2 }],
      },
      options: { onClick: clickHandler(points, (pt) => showDetail('orders at ' + pt.start.slice(0, 16), pt.links.orderLines)) },
    });
    if (state.trendTimer) {
      clearInterval(state.trendTimer);
      state.trendTimer = null;
    }
    if (live) {
      state.trendTimer = setInterval(() => loadTrend().catch(showError), 30000);
    }
  }

  // ---- drill-down detail -------------------------------------------------------------------

  function flatten(item) {
    const flat = {};
    Object.entries(item).forEach(([key, value]) => {
      if (key === 'links') {
        return;
      }
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        Object.entries(value).forEach(([inner, v]) => { flat[inner] = v; });
      } else if (!Array.isArray(value)) {
        flat[key] = value;
      }
    });
    return flat;
  }

  async function showDetail(title, link) {
    try {
      const body = await api(link);
      const page = body.items ? body : body.rows || body.points || body.months || { items: [] };
      const rows = page.items.map(flatten);
      const columns = rows.length ? Object.keys(rows[0]) : [];
      $('detailTitle').textContent = title + ' (' + page.totalItems + ')';
      const head = $('detailTable').querySelector('thead');
      head.replaceChildren();
      const tr = document.createElement('tr');
      columns.forEach((c) => {
        const th = document.createElement('th');
        th.textContent = c;
        tr.appendChild(th);
      });
      head.appendChild(tr);
      fillTable('detailTable', rows, (r) => columns.map((c) => [r[c] === null ? '' : String(r[c])]));
      $('detailPanel').hidden = false;
      $('detailPanel').scrollIntoView({ block: 'nearest' });
    } catch (e) {
      showError(e);
    }
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  function showError(error) {
    if (error.message === 'unauthenticated') {
      return;
    }
    $('status').textContent = 'Error: ' + error.message;
    $('status').className = 'error';
  }

  async function refresh() {
    const p = period();
    if (!p.from || !p.to) {
      showError(new Error('choose a period'));
      return;
    }
    $('status').className = '';
    $('status').textContent = 'Loading ' + p.from + ' – ' + p.to + ' …';
    try {
      await Promise.all([loadGeography(), loadCoupons(), loadReferrals(), loadZips(), loadTrend()]);
      state.refreshes += 1;
      document.body.dataset.refresh = String(state.refreshes);
      document.body.dataset.period = p.from + '/' + p.to;
      $('status').textContent = 'Showing ' + p.from + ' – ' + p.to + '.';
    } catch (e) {
      showError(e);
    }
  }

  async function start() {
    try {
      state.meta = await api('/api/v1/meta');
    } catch (e) {
      showError(e);
      return;
    }
    $('login').hidden = true;
    $('signOut').hidden = false;
    $('controls').hidden = false;
    $('panels').hidden = false;
    if ($('state').options.length === 1) {
      fillSelect($('state'), state.meta.states);
      fillSelect($('category'), state.meta.categories);
    }
    if (!$('from').value) {
      applyPreset('30');
    }
    await refresh();
  }

  function signOut(message) {
    sessionStorage.removeItem(KEY_STORAGE);
    if (state.trendTimer) {
      clearInterval(state.trendTimer);
    }
    $('login').hidden = false;
    $('signOut').hidden = true;
    $('controls').hidden = true;
    $('panels').hidden = true;
    $('status').className = message ? 'error' : '';
    $('status').textContent = message || 'Signed out.';
  }

  $('login').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY_STORAGE, $('apiKey').value);
    $('apiKey').value = '';
    start();
  });
  $('signOut').addEventListener('click', () => signOut());
  $('apply').addEventListener('click', () => { state.geoState = null; refresh(); });
  $('trendHours').addEventListener('change', () => loadTrend().catch(showError));
  $('geoBack').addEventListener('click', () => { state.geoState = null; loadGeography().catch(showError); });
  $('detailClose').addEventListener('click', () => { $('detailPanel').hidden = true; });
  document.querySelectorAll('[data-preset]').forEach((button) => {
    button.addEventListener('click', () => { applyPreset(button.dataset.preset); state.geoState = null; refresh(); });
  });

  if (sessionStorage.getItem(KEY_STORAGE)) {
    start();
  }
})();
