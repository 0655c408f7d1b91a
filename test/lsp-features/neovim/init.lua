-- Drives `journey lsp --stdio` from Neovim (0.7 API), the way a user's config would, and writes what the
-- editor got to a JSON file: the diagnostics of the opened buffer, a completion list and a definition.
-- Inputs (environment): JOURNEY_NODE, JOURNEY_BIN, JOURNEY_ROOT, JOURNEY_FILE, JOURNEY_OUT,
-- JOURNEY_COMPLETE_AT and JOURNEY_DEFINITION_AT ("line:character", 0-based).
local out = os.getenv('JOURNEY_OUT')
local result = { steps = {} }

local function position(env)
  local line, character = string.match(os.getenv(env), '(%d+):(%d+)')
  return { line = tonumber(line), character = tonumber(character) }
end

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  local published = {}
  local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(e, params, ctx, config)
    published[params.uri] = (published[params.uri] or 0) + 1
    return default_handler(e, params, ctx, config)
  end

  local client_id = vim.lsp.start_client({
    name = 'journey',
    cmd = { os.getenv('JOURNEY_NODE'), os.getenv('JOURNEY_BIN'), 'lsp', '--stdio' },
    root_dir = os.getenv('JOURNEY_ROOT'),
  })
  table.insert(result.steps, 'started')
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('JOURNEY_FILE')))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'journey'
  vim.lsp.buf_attach_client(bufnr, client_id)
  local uri = vim.uri_from_bufnr(bufnr)

  -- Diagnostics: wait until the server has published for this buffer and they include an error.
  vim.wait(30000, function()
    return published[uri] ~= nil and #vim.diagnostic.get(bufnr, { severity = vim.diagnostic.severity.ERROR }) > 0
  end, 50)
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, { lnum = d.lnum, col = d.col, severity = d.severity, code = d.code, message = d.message })
  end
  table.insert(result.steps, 'diagnostics')

  local client = vim.lsp.get_client_by_id(client_id)
  result.capabilities = {
    completion = client.server_capabilities.completionProvider ~= nil,
    definition = client.server_capabilities.definitionProvider == true,
    formatting = client.server_capabilities.documentFormattingProvider == true,
    rename = client.server_capabilities.renameProvider ~= nil,
  }

  local completion = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion',
    { textDocument = { uri = uri }, position = position('JOURNEY_COMPLETE_AT') }, 20000)
  result.completion = {}
  for _, response in pairs(completion or {}) do
    local items = response.result and (response.result.items or response.result) or {}
    for _, item in ipairs(items) do
      table.insert(result.completion, { label = item.label, kind = item.kind, detail = item.detail })
    end
    if response.err then result.completion_error = response.err.message end
  end
  table.insert(result.steps, 'completion')

  local definition = vim.lsp.buf_request_sync(bufnr, 'textDocument/definition',
    { textDocument = { uri = uri }, position = position('JOURNEY_DEFINITION_AT') }, 20000)
  result.definition = {}
  for _, response in pairs(definition or {}) do
    for _, location in ipairs(response.result or {}) do
      local target = location.targetUri or location.uri
      local range = location.targetSelectionRange or location.range
      table.insert(result.definition, { uri = target, line = range.start.line, character = range.start.character })
    end
  end
  table.insert(result.steps, 'definition')

  vim.lsp.stop_client(client_id)
end)
if not ok then
  result.error = tostring(err)
end
finish()
