import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 313:
/***/ ((module) => {

module.exports = Pend;

function Pend() {
  this.pending = 0;
  this.max = Infinity;
  this.listeners = [];
  this.waiting = [];
  this.error = null;
}

Pend.prototype.go = function(fn) {
  if (this.pending < this.max) {
    pendGo(this, fn);
  } else {
    this.waiting.push(fn);
  }
};

Pend.prototype.wait = function(cb) {
  if (this.pending === 0) {
    cb(this.error);
  } else {
    this.listeners.push(cb);
  }
};

Pend.prototype.hold = function() {
  return pendHold(this);
};

function pendHold(self) {
  self.pending += 1;
  var called = false;
  return onCb;
  function onCb(err) {
    if (called) throw new Error("callback called twice");
    called = true;
    self.error = self.error || err;
    self.pending -= 1;
    if (self.waiting.length > 0 && self.pending < self.max) {
      pendGo(self, self.waiting.shift());
    } else if (self.pending === 0) {
      var listeners = self.listeners;
      self.listeners = [];
      listeners.forEach(cbListener);
    }
  }
  function cbListener(listener) {
    listener(self.error);
  }
}

function pendGo(self, fn) {
  fn(pendHold(self));
}


/***/ }),

/***/ 248:
/***/ ((module) => {

// Adapted from https://github.com/brianloveswords/buffer-crc32/blob/v0.2.13/index.js
const CRC_TABLE = new Int32Array([
  0x00000000, 0x77073096, 0xee0e612c, 0x990951ba, 0x076dc419, 0x706af48f, 0xe963a535, 0x9e6495a3,
  0x0edb8832, 0x79dcb8a4, 0xe0d5e91e, 0x97d2d988, 0x09b64c2b, 0x7eb17cbd, 0xe7b82d07, 0x90bf1d91,
  0x1db71064, 0x6ab020f2, 0xf3b97148, 0x84be41de, 0x1adad47d, 0x6ddde4eb, 0xf4d4b551, 0x83d385c7,
  0x136c9856, 0x646ba8c0, 0xfd62f97a, 0x8a65c9ec, 0x14015c4f, 0x63066cd9, 0xfa0f3d63, 0x8d080df5,
  0x3b6e20c8, 0x4c69105e, 0xd56041e4, 0xa2677172, 0x3c03e4d1, 0x4b04d447, 0xd20d85fd, 0xa50ab56b,
  0x35b5a8fa, 0x42b2986c, 0xdbbbc9d6, 0xacbcf940, 0x32d86ce3, 0x45df5c75, 0xdcd60dcf, 0xabd13d59,
  0x26d930ac, 0x51de003a, 0xc8d75180, 0xbfd06116, 0x21b4f4b5, 0x56b3c423, 0xcfba9599, 0xb8bda50f,
  0x2802b89e, 0x5f058808, 0xc60cd9b2, 0xb10be924, 0x2f6f7c87, 0x58684c11, 0xc1611dab, 0xb6662d3d,
  0x76dc4190, 0x01db7106, 0x98d220bc, 0xefd5102a, 0x71b18589, 0x06b6b51f, 0x9fbfe4a5, 0xe8b8d433,
  0x7807c9a2, 0x0f00f934, 0x9609a88e, 0xe10e9818, 0x7f6a0dbb, 0x086d3d2d, 0x91646c97, 0xe6635c01,
  0x6b6b51f4, 0x1c6c6162, 0x856530d8, 0xf262004e, 0x6c0695ed, 0x1b01a57b, 0x8208f4c1, 0xf50fc457,
  0x65b0d9c6, 0x12b7e950, 0x8bbeb8ea, 0xfcb9887c, 0x62dd1ddf, 0x15da2d49, 0x8cd37cf3, 0xfbd44c65,
  0x4db26158, 0x3ab551ce, 0xa3bc0074, 0xd4bb30e2, 0x4adfa541, 0x3dd895d7, 0xa4d1c46d, 0xd3d6f4fb,
  0x4369e96a, 0x346ed9fc, 0xad678846, 0xda60b8d0, 0x44042d73, 0x33031de5, 0xaa0a4c5f, 0xdd0d7cc9,
  0x5005713c, 0x270241aa, 0xbe0b1010, 0xc90c2086, 0x5768b525, 0x206f85b3, 0xb966d409, 0xce61e49f,
  0x5edef90e, 0x29d9c998, 0xb0d09822, 0xc7d7a8b4, 0x59b33d17, 0x2eb40d81, 0xb7bd5c3b, 0xc0ba6cad,
  0xedb88320, 0x9abfb3b6, 0x03b6e20c, 0x74b1d29a, 0xead54739, 0x9dd277af, 0x04db2615, 0x73dc1683,
  0xe3630b12, 0x94643b84, 0x0d6d6a3e, 0x7a6a5aa8, 0xe40ecf0b, 0x9309ff9d, 0x0a00ae27, 0x7d079eb1,
  0xf00f9344, 0x8708a3d2, 0x1e01f268, 0x6906c2fe, 0xf762575d, 0x806567cb, 0x196c3671, 0x6e6b06e7,
  0xfed41b76, 0x89d32be0, 0x10da7a5a, 0x67dd4acc, 0xf9b9df6f, 0x8ebeeff9, 0x17b7be43, 0x60b08ed5,
  0xd6d6a3e8, 0xa1d1937e, 0x38d8c2c4, 0x4fdff252, 0xd1bb67f1, 0xa6bc5767, 0x3fb506dd, 0x48b2364b,
  0xd80d2bda, 0xaf0a1b4c, 0x36034af6, 0x41047a60, 0xdf60efc3, 0xa867df55, 0x316e8eef, 0x4669be79,
  0xcb61b38c, 0xbc66831a, 0x256fd2a0, 0x5268e236, 0xcc0c7795, 0xbb0b4703, 0x220216b9, 0x5505262f,
  0xc5ba3bbe, 0xb2bd0b28, 0x2bb45a92, 0x5cb36a04, 0xc2d7ffa7, 0xb5d0cf31, 0x2cd99e8b, 0x5bdeae1d,
  0x9b64c2b0, 0xec63f226, 0x756aa39c, 0x026d930a, 0x9c0906a9, 0xeb0e363f, 0x72076785, 0x05005713,
  0x95bf4a82, 0xe2b87a14, 0x7bb12bae, 0x0cb61b38, 0x92d28e9b, 0xe5d5be0d, 0x7cdcefb7, 0x0bdbdf21,
  0x86d3d2d4, 0xf1d4e242, 0x68ddb3f8, 0x1fda836e, 0x81be16cd, 0xf6b9265b, 0x6fb077e1, 0x18b74777,
  0x88085ae6, 0xff0f6a70, 0x66063bca, 0x11010b5c, 0x8f659eff, 0xf862ae69, 0x616bffd3, 0x166ccf45,
  0xa00ae278, 0xd70dd2ee, 0x4e048354, 0x3903b3c2, 0xa7672661, 0xd06016f7, 0x4969474d, 0x3e6e77db,
  0xaed16a4a, 0xd9d65adc, 0x40df0b66, 0x37d83bf0, 0xa9bcae53, 0xdebb9ec5, 0x47b2cf7f, 0x30b5ffe9,
  0xbdbdf21c, 0xcabac28a, 0x53b39330, 0x24b4a3a6, 0xbad03605, 0xcdd70693, 0x54de5729, 0x23d967bf,
  0xb3667a2e, 0xc4614ab8, 0x5d681b02, 0x2a6f2b94, 0xb40bbe37, 0xc30c8ea1, 0x5a05df1b, 0x2d02ef8d,
]);

function crc32(buf) {
  let crc = -1;
  for (let x of buf) {
    crc = CRC_TABLE[(crc ^ x) & 0xff] ^ (crc >>> 8);
  }
  return (crc ^ -1) >>> 0;
}

module.exports = crc32;


/***/ }),

/***/ 502:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

// This was adapted from https://github.com/andrewrk/node-fd-slicer by Andrew Kelley under the MIT License.
var fs = __nccwpck_require__(896);
var util = __nccwpck_require__(23);
var stream = __nccwpck_require__(203);
var Readable = stream.Readable;
var PassThrough = stream.PassThrough;
var Pend = __nccwpck_require__(313);
var EventEmitter = (__nccwpck_require__(434).EventEmitter);

exports.BufferSlicer = BufferSlicer;
exports.FdSlicer = FdSlicer;

util.inherits(FdSlicer, EventEmitter);
function FdSlicer(fd) {
  EventEmitter.call(this);

  this.fd = fd;
  this.pend = new Pend();
  this.pend.max = 1;
  this.refCount = 0;
}

FdSlicer.prototype.read = function(buffer, offset, length, position, callback) {
  var self = this;
  self.pend.go(function(cb) {
    fs.read(self.fd, buffer, offset, length, position, function(err, bytesRead, buffer) {
      cb();
      callback(err, bytesRead, buffer);
    });
  });
};

FdSlicer.prototype.createReadStream = function(options) {
  return new ReadStream(this, options);
};

FdSlicer.prototype.ref = function() {
  this.refCount += 1;
};

FdSlicer.prototype.unref = function() {
  var self = this;
  self.refCount -= 1;
  if (self.refCount < 0) throw new Error("invalid unref");
  if (self.refCount > 0) return;

  fs.close(self.fd, onCloseDone);

  function onCloseDone(err) {
    if (err) {
      self.emit('error', err);
    } else {
      self.emit('close');
    }
  }
};

util.inherits(ReadStream, Readable);
function ReadStream(context, options) {
  options = options || {};
  Readable.call(this, options);

  this.context = context;
  this.context.ref();

  this.start = options.start || 0;
  this.endOffset = options.end;
  this.pos = this.start;
}

ReadStream.prototype._read = function(n) {
  var self = this;

  var toRead = Math.min(self._readableState.highWaterMark, n);
  if (self.endOffset != null) {
    toRead = Math.min(toRead, self.endOffset - self.pos);
  }
  if (toRead <= 0) {
    self.push(null);
    this._cleanup();
    return;
  }
  self.context.pend.go(function(cb) {
    var buffer = Buffer.allocUnsafe(toRead);
    fs.read(self.context.fd, buffer, 0, toRead, self.pos, function(err, bytesRead) {
      if (err) {
        self.destroy(err);
      } else if (bytesRead === 0) {
        self.push(null);
        self._cleanup();
      } else {
        self.pos += bytesRead;
        self.push(buffer.slice(0, bytesRead));
      }
      cb();
    });
  });
};

ReadStream.prototype._destroy = function(err, cb) {
  // Node 14+ calls this automatically at EOF.
  this._cleanup();
  cb(err);
};

ReadStream.prototype._cleanup = function() {
  if (this.context != null) {
    this.context.unref();
    this.context = null;
  }
};

util.inherits(BufferSlicer, EventEmitter);
function BufferSlicer(buffer) {
  EventEmitter.call(this);

  this.refCount = 0;
  this.buffer = buffer;
}

BufferSlicer.prototype.read = function(buffer, offset, length, position, callback) {
  if (!(0 <= offset && offset <= buffer.length)) throw new RangeError("offset outside buffer: 0 <= " + offset + " <= " + buffer.length);
  if (position < 0) throw new RangeError("position is negative: " + position);
  if (offset + length > buffer.length) {
    // The caller's buffer can't hold all the bytes they're trying to read.
    // Clamp the length instead of giving an error.
    // The callback will be informed of fewer than expected bytes written.
    length = buffer.length - offset;
  }
  if (position + length > this.buffer.length) {
    // Clamp any attempt to read past the end of the source buffer.
    length = this.buffer.length - position;
  }
  if (length <= 0) {
    // After any clamping, we're fully out of bounds or otherwise have nothing to do.
    // This isn't an error; it's just zero bytes written.
    setImmediate(function() {
      callback(null, 0);
    });
    return;
  }
  this.buffer.copy(buffer, offset, position, position + length);
  setImmediate(function() {
    callback(null, length);
  });
};

BufferSlicer.prototype.createReadStream = function(options) {
  options = options || {};
  var readStream = new PassThrough(options);
  readStream.start = options.start || 0;
  readStream.endOffset = options.end;
  // by the time this function returns, we'll be done.
  readStream.pos = readStream.endOffset || this.buffer.length;

  var entireSlice = this.buffer.slice(readStream.start, readStream.pos);
  // Cut the buffer into smaller slices for better memory usage when streaming into a zlib inflate stream.
  // See https://github.com/thejoshwolfe/yauzl/issues/87
  var maxChunkSize = 0x10000;
  var offset = 0;
  while (true) {
    var nextOffset = offset + maxChunkSize;
    if (nextOffset >= entireSlice.length) {
      // last chunk
      if (offset < entireSlice.length) {
        readStream.write(entireSlice.slice(offset, entireSlice.length));
      }
      break;
    }
    readStream.write(entireSlice.slice(offset, nextOffset));
    offset = nextOffset;
  }

  readStream.end();
  return readStream;
};

BufferSlicer.prototype.ref = function() {
  this.refCount += 1;
};

BufferSlicer.prototype.unref = function() {
  this.refCount -= 1;

  if (this.refCount < 0) {
    throw new Error("invalid unref");
  }
};


/***/ }),

/***/ 663:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var fs = __nccwpck_require__(896);
var zlib = __nccwpck_require__(106);
var fd_slicer = __nccwpck_require__(502);
var util = __nccwpck_require__(23);
var EventEmitter = (__nccwpck_require__(434).EventEmitter);
var Transform = (__nccwpck_require__(203).Transform);
var PassThrough = (__nccwpck_require__(203).PassThrough);
var Writable = (__nccwpck_require__(203).Writable);

// Node 20 added zlib.crc32.
const crc32 = typeof zlib.crc32 === "function" ? zlib.crc32 : __nccwpck_require__(248);

exports.open = open;
exports.fromFd = fromFd;
exports.fromBuffer = fromBuffer;
exports.fromRandomAccessReader = fromRandomAccessReader;
exports.openPromise = openPromise;
exports.fromFdPromise = fromFdPromise;
exports.fromBufferPromise = fromBufferPromise;
exports.fromRandomAccessReaderPromise = fromRandomAccessReaderPromise;

exports.dosDateTimeToDate = dosDateTimeToDate;
exports.getFileNameLowLevel = getFileNameLowLevel;
exports.validateFileName = validateFileName;
exports.parseExtraFields = parseExtraFields;
exports.ZipFile = ZipFile;
exports.Entry = Entry;
exports.LocalFileHeader = LocalFileHeader;
exports.RandomAccessReader = RandomAccessReader;

function openPromise(path, options) {
  return new Promise((resolve, reject) => {
    open(path, {...options, lazyEntries: true}, function(err, zipfile) {
      if (err) return reject(err);
      resolve(zipfile);
    });
  });
}
function fromFdPromise(fd, options) {
  return new Promise((resolve, reject) => {
    fromFd(fd, {...options, lazyEntries: true}, function(err, zipfile) {
      if (err) return reject(err);
      resolve(zipfile);
    });
  });
}
function fromBufferPromise(buffer, options) {
  return new Promise((resolve, reject) => {
    fromBuffer(buffer, {...options, lazyEntries: true}, function(err, zipfile) {
      if (err) return reject(err);
      resolve(zipfile);
    });
  });
}
function fromRandomAccessReaderPromise(reader, totalSize, options) {
  return new Promise((resolve, reject) => {
    fromRandomAccessReader(reader, totalSize, {...options, lazyEntries: true}, function(err, zipfile) {
      if (err) return reject(err);
      resolve(zipfile);
    });
  });
}

function open(path, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = null;
  }
  if (options == null) options = {};
  if (options.autoClose == null) options.autoClose = true;
  if (options.lazyEntries == null) options.lazyEntries = false;
  if (options.decodeStrings == null) options.decodeStrings = true;
  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
  if (options.strictFileNames == null) options.strictFileNames = false;
  if (callback == null) callback = defaultCallback;
  fs.open(path, "r", function(err, fd) {
    if (err) return callback(err);
    fromFd(fd, options, function(err, zipfile) {
      if (err) fs.close(fd, defaultCallback);
      callback(err, zipfile);
    });
  });
}

function fromFd(fd, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = null;
  }
  if (options == null) options = {};
  if (options.autoClose == null) options.autoClose = false;
  if (options.lazyEntries == null) options.lazyEntries = false;
  if (options.decodeStrings == null) options.decodeStrings = true;
  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
  if (options.strictFileNames == null) options.strictFileNames = false;
  if (callback == null) callback = defaultCallback;
  fs.fstat(fd, function(err, stats) {
    if (err) return callback(err);
    var reader = new fd_slicer.FdSlicer(fd);
    fromRandomAccessReader(reader, stats.size, options, callback);
  });
}

function fromBuffer(buffer, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = null;
  }
  if (options == null) options = {};
  options.autoClose = false;
  if (options.lazyEntries == null) options.lazyEntries = false;
  if (options.decodeStrings == null) options.decodeStrings = true;
  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
  if (options.strictFileNames == null) options.strictFileNames = false;
  var reader = new fd_slicer.BufferSlicer(buffer);
  fromRandomAccessReader(reader, buffer.length, options, callback);
}

function fromRandomAccessReader(reader, totalSize, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = null;
  }
  if (options == null) options = {};
  if (options.autoClose == null) options.autoClose = true;
  if (options.lazyEntries == null) options.lazyEntries = false;
  if (options.decodeStrings == null) options.decodeStrings = true;
  var decodeStrings = !!options.decodeStrings;
  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
  if (options.strictFileNames == null) options.strictFileNames = false;
  if (callback == null) callback = defaultCallback;
  if (typeof totalSize !== "number") throw new Error("expected totalSize parameter to be a number");
  if (totalSize > Number.MAX_SAFE_INTEGER) {
    throw new Error("zip file too large. only file sizes up to 2^52 are supported due to JavaScript's Number type being an IEEE 754 double.");
  }

  // the matching unref() call is in zipfile.close()
  reader.ref();

  // eocdr means End of Central Directory Record.
  // search backwards for the eocdr signature.
  // the last field of the eocdr is a variable-length comment.
  // the comment size is encoded in a 2-byte field in the eocdr, which we can't find without trudging backwards through the comment to find it.
  // as a consequence of this design decision, it's possible to have ambiguous zip file metadata if a coherent eocdr was in the comment.
  // we search backwards for a eocdr signature, and hope that whoever made the zip file was smart enough to forbid the eocdr signature in the comment.
  var eocdrWithoutCommentSize = 22;
  var zip64EocdlSize = 20; // Zip64 end of central directory locator
  var maxCommentSize = 0xffff; // 2-byte size
  var bufferSize = Math.min(zip64EocdlSize + eocdrWithoutCommentSize + maxCommentSize, totalSize);
  var buffer = newBuffer(bufferSize);
  var bufferReadStart = totalSize - buffer.length;
  readAndAssertNoEof(reader, buffer, 0, bufferSize, bufferReadStart, function(err) {
    if (err) return callback(err);
    for (var i = bufferSize - eocdrWithoutCommentSize; i >= 0; i -= 1) {
      if (buffer.readUInt32LE(i) !== 0x06054b50) continue;
      // found eocdr
      var eocdrBuffer = buffer.subarray(i);

      // 0 - End of central directory signature = 0x06054b50
      // 4 - Number of this disk
      var diskNumber = eocdrBuffer.readUInt16LE(4);
      // 6 - Disk where central directory starts
      // 8 - Number of central directory records on this disk
      // 10 - Total number of central directory records
      var entryCount = eocdrBuffer.readUInt16LE(10);
      // 12 - Size of central directory (bytes)
      // 16 - Offset of start of central directory, relative to start of archive
      var centralDirectoryOffset = eocdrBuffer.readUInt32LE(16);
      // 20 - Comment length
      var commentLength = eocdrBuffer.readUInt16LE(20);
      var expectedCommentLength = eocdrBuffer.length - eocdrWithoutCommentSize;
      if (commentLength !== expectedCommentLength) {
        return callback(new Error("Invalid comment length. Expected: " + expectedCommentLength + ". Found: " + commentLength + ". Are there extra bytes at the end of the file? Or is the end of central dir signature `PK☺☻` in the comment?"));
      }
      // 22 - Comment
      // the encoding is always cp437.
      var comment = decodeStrings ? decodeBuffer(eocdrBuffer.subarray(22), false)
                                  : eocdrBuffer.subarray(22);

      // Look for a Zip64 end of central directory locator
      if (i - zip64EocdlSize >= 0 && buffer.readUInt32LE(i - zip64EocdlSize) === 0x07064b50) {
        // ZIP64 format
        var zip64EocdlBuffer = buffer.subarray(i - zip64EocdlSize, i - zip64EocdlSize + zip64EocdlSize);
        // 0 - zip64 end of central dir locator signature = 0x07064b50
        // 4 - number of the disk with the start of the zip64 end of central directory
        // 8 - relative offset of the zip64 end of central directory record
        var zip64EocdrOffset = readUInt64LE(zip64EocdlBuffer, 8);
        // 16 - total number of disks

        // ZIP64 end of central directory record
        var zip64EocdrBuffer = newBuffer(56);
        return readAndAssertNoEof(reader, zip64EocdrBuffer, 0, zip64EocdrBuffer.length, zip64EocdrOffset, function(err) {
          if (err) return callback(err);

          // 0 - zip64 end of central dir signature                           4 bytes  (0x06064b50)
          if (zip64EocdrBuffer.readUInt32LE(0) !== 0x06064b50) {
            return callback(new Error("invalid zip64 end of central directory record signature"));
          }
          // 4 - size of zip64 end of central directory record                8 bytes
          // 12 - version made by                                             2 bytes
          // 14 - version needed to extract                                   2 bytes
          // 16 - number of this disk                                         4 bytes
          diskNumber = zip64EocdrBuffer.readUInt32LE(16);
          if (diskNumber !== 0) {
            // Check this only after zip64 overrides. See #118.
            return callback(new Error("multi-disk zip files are not supported: found disk number: " + diskNumber));
          }
          // 20 - number of the disk with the start of the central directory  4 bytes
          // 24 - total number of entries in the central directory on this disk         8 bytes
          // 32 - total number of entries in the central directory            8 bytes
          entryCount = readUInt64LE(zip64EocdrBuffer, 32);
          // 40 - size of the central directory                               8 bytes
          // 48 - offset of start of central directory with respect to the starting disk number     8 bytes
          centralDirectoryOffset = readUInt64LE(zip64EocdrBuffer, 48);
          // 56 - zip64 extensible data sector                                (variable size)
          return callback(null, new ZipFile(reader, centralDirectoryOffset, totalSize, entryCount, comment, options.autoClose, options.lazyEntries, decodeStrings, options.validateEntrySizes, options.strictFileNames));
        });
      }

      // Not ZIP64 format
      if (diskNumber !== 0) {
        return callback(new Error("multi-disk zip files are not supported: found disk number: " + diskNumber));
      }
      return callback(null, new ZipFile(reader, centralDirectoryOffset, totalSize, entryCount, comment, options.autoClose, options.lazyEntries, decodeStrings, options.validateEntrySizes, options.strictFileNames));

    }

    // Not a zip file.
    callback(new Error("End of central directory record signature not found. Either not a zip file, or file is truncated."));
  });
}

util.inherits(ZipFile, EventEmitter);
function ZipFile(reader, centralDirectoryOffset, fileSize, entryCount, comment, autoClose, lazyEntries, decodeStrings, validateEntrySizes, strictFileNames) {
  var self = this;
  EventEmitter.call(self);
  self.reader = reader;
  // forward close events
  self.reader.on("error", function(err) {
    // error closing the fd
    emitError(self, err);
  });
  self.reader.once("close", function() {
    self.emit("close");
  });
  self.readEntryCursor = centralDirectoryOffset;
  self.fileSize = fileSize;
  self.entryCount = entryCount;
  self.comment = comment;
  self.entriesRead = 0;
  self.autoClose = !!autoClose;
  self.lazyEntries = !!lazyEntries;
  self.decodeStrings = !!decodeStrings;
  self.validateEntrySizes = !!validateEntrySizes;
  self.strictFileNames = !!strictFileNames;
  self.isOpen = true;
  self.emittedError = false;
  self.hasEachEntryBeenCalled = false;

  if (!self.lazyEntries) self._readEntry();
}
ZipFile.prototype.close = function() {
  if (!this.isOpen) return;
  this.isOpen = false;
  this.reader.unref();
};

function emitErrorAndAutoClose(self, err) {
  if (self.autoClose) self.close();
  emitError(self, err);
}
function emitError(self, err) {
  if (self.emittedError) return;
  self.emittedError = true;
  self.emit("error", err);
}

ZipFile.prototype.readEntry = function() {
  if (!this.lazyEntries) throw new Error("readEntry() called without lazyEntries:true");
  this._readEntry();
};
ZipFile.prototype._readEntry = function() {
  var self = this;
  if (self.entryCount === self.entriesRead) {
    // done with metadata
    setImmediate(function() {
      if (self.autoClose) self.close();
      if (self.emittedError) return;
      self.emit("end");
    });
    return;
  }
  if (self.emittedError) return;
  var buffer = newBuffer(46);
  readAndAssertNoEof(self.reader, buffer, 0, buffer.length, self.readEntryCursor, function(err) {
    if (err) return emitErrorAndAutoClose(self, err);
    if (self.emittedError) return;
    var entry = new Entry();
    // 0 - Central directory file header signature
    var signature = buffer.readUInt32LE(0);
    if (signature !== 0x02014b50) return emitErrorAndAutoClose(self, new Error("invalid central directory file header signature: 0x" + signature.toString(16)));
    // 4 - Version made by
    entry.versionMadeBy = buffer.readUInt16LE(4);
    // 6 - Version needed to extract (minimum)
    entry.versionNeededToExtract = buffer.readUInt16LE(6);
    // 8 - General purpose bit flag
    entry.generalPurposeBitFlag = buffer.readUInt16LE(8);
    // 10 - Compression method
    entry.compressionMethod = buffer.readUInt16LE(10);
    // 12 - File last modification time
    entry.lastModFileTime = buffer.readUInt16LE(12);
    // 14 - File last modification date
    entry.lastModFileDate = buffer.readUInt16LE(14);
    // 16 - CRC-32
    entry.crc32 = buffer.readUInt32LE(16);
    // 20 - Compressed size
    entry.compressedSize = buffer.readUInt32LE(20);
    // 24 - Uncompressed size
    entry.uncompressedSize = buffer.readUInt32LE(24);
    // 28 - File name length (n)
    entry.fileNameLength = buffer.readUInt16LE(28);
    // 30 - Extra field length (m)
    entry.extraFieldLength = buffer.readUInt16LE(30);
    // 32 - File comment length (k)
    entry.fileCommentLength = buffer.readUInt16LE(32);
    // 34 - Disk number where file starts
    // 36 - Internal file attributes
    entry.internalFileAttributes = buffer.readUInt16LE(36);
    // 38 - External file attributes
    entry.externalFileAttributes = buffer.readUInt32LE(38);
    // 42 - Relative offset of local file header
    entry.relativeOffsetOfLocalHeader = buffer.readUInt32LE(42);

    if (entry.generalPurposeBitFlag & 0x40) return emitErrorAndAutoClose(self, new Error("strong encryption is not supported"));

    self.readEntryCursor += 46;

    buffer = newBuffer(entry.fileNameLength + entry.extraFieldLength + entry.fileCommentLength);
    readAndAssertNoEof(self.reader, buffer, 0, buffer.length, self.readEntryCursor, function(err) {
      if (err) return emitErrorAndAutoClose(self, err);
      if (self.emittedError) return;
      // 46 - File name
      entry.fileNameRaw = buffer.subarray(0, entry.fileNameLength);
      // 46+n - Extra field
      var fileCommentStart = entry.fileNameLength + entry.extraFieldLength;
      entry.extraFieldRaw = buffer.subarray(entry.fileNameLength, fileCommentStart);
      // 46+n+m - File comment
      entry.fileCommentRaw = buffer.subarray(fileCommentStart, fileCommentStart + entry.fileCommentLength);

      // Parse the extra fields, which we need for processing other fields.
      try {
        entry.extraFields = parseExtraFields(entry.extraFieldRaw);
      } catch (err) {
        return emitErrorAndAutoClose(self, err);
      }

      // Interpret strings according to bit flags, extra fields, and options.
      if (self.decodeStrings) {
        var isUtf8 = (entry.generalPurposeBitFlag & 0x800) !== 0;
        entry.fileComment = decodeBuffer(entry.fileCommentRaw, isUtf8);
        entry.fileName = getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, self.strictFileNames);
        var errorMessage = validateFileName(entry.fileName);
        if (errorMessage != null) return emitErrorAndAutoClose(self, new Error(errorMessage));
      } else {
        entry.fileComment = entry.fileCommentRaw;
        entry.fileName = entry.fileNameRaw;
      }
      // Maintain API compatibility. See https://github.com/thejoshwolfe/yauzl/issues/47
      entry.comment = entry.fileComment;

      self.readEntryCursor += buffer.length;
      self.entriesRead += 1;

      // Check for the Zip64 Extended Information Extra Field.
      for (var i = 0; i < entry.extraFields.length; i++) {
        var extraField = entry.extraFields[i];
        if (extraField.id !== 0x0001) continue;
        // Found it.

        var zip64EiefBuffer = extraField.data;
        var index = 0;
        // 0 - Original Size          8 bytes
        if (entry.uncompressedSize === 0xffffffff) {
          if (index + 8 > zip64EiefBuffer.length) {
            return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include uncompressed size"));
          }
          entry.uncompressedSize = readUInt64LE(zip64EiefBuffer, index);
          index += 8;
        }
        // 8 - Compressed Size        8 bytes
        if (entry.compressedSize === 0xffffffff) {
          if (index + 8 > zip64EiefBuffer.length) {
            return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include compressed size"));
          }
          entry.compressedSize = readUInt64LE(zip64EiefBuffer, index);
          index += 8;
        }
        // 16 - Relative Header Offset 8 bytes
        if (entry.relativeOffsetOfLocalHeader === 0xffffffff) {
          if (index + 8 > zip64EiefBuffer.length) {
            return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include relative header offset"));
          }
          entry.relativeOffsetOfLocalHeader = readUInt64LE(zip64EiefBuffer, index);
          index += 8;
        }
        // 24 - Disk Start Number      4 bytes

        break;
      }

      // validate file size
      if (self.validateEntrySizes && entry.compressionMethod === 0) {
        var expectedCompressedSize = entry.uncompressedSize;
        if (entry.isEncrypted()) {
          // traditional encryption prefixes the file data with a header
          expectedCompressedSize += 12;
        }
        if (entry.compressedSize !== expectedCompressedSize) {
          var msg = "compressed/uncompressed size mismatch for stored file: " + entry.compressedSize + " != " + entry.uncompressedSize;
          return emitErrorAndAutoClose(self, new Error(msg));
        }
      }

      self.emit("entry", entry);

      if (!self.lazyEntries) self._readEntry();
    });
  });
};

ZipFile.prototype.eachEntry = function() {
  const self = this;
  if (!self.lazyEntries) throw new Error("eachEntry() requires lazyEntries: true");
  if (self.hasEachEntryBeenCalled) throw new Error("eachEntry() must only be called once per ZipFile");
  self.hasEachEntryBeenCalled = true;

  let pendingResolveReject = null;
  self.on("entry", onEntry);
  self.on("end", onEnd);
  self.on("error", onError);
  function cleanup() {
    self.removeListener("entry", onEntry);
    self.removeListener("end", onEnd);
    self.removeListener("error", onError);
    if (self.autoClose) self.close();
  }

  function onEntry(entry) {
    let {resolve} = pendingResolveReject;
    pendingResolveReject = null;
    resolve({value: entry});
  }
  function onEnd() {
    let {resolve} = pendingResolveReject;
    pendingResolveReject = null;
    cleanup();
    resolve({done: true});
  }
  function onError(err) {
    let {reject} = pendingResolveReject;
    pendingResolveReject = null;
    cleanup();
    reject(err);
  }

  return {
    [Symbol.asyncIterator]() {
      // Called once by `for await...of`.
      return this;
    },
    next() {
      // Called on each iteration in a `for await...of`.
      const promise = new Promise((resolve, reject) => {
        if (pendingResolveReject != null) throw new Error("next() called before previous Promise was resolved.");
        pendingResolveReject = {resolve, reject};
      });
      self.readEntry();
      return promise;
    },
    return(value) {
      // Called when breaking, returning, throwing out of a `for await...of`.
      cleanup();
      return Promise.resolve({done: true, value});
    },
    throw(value) {
      // Almost never called. Something about `yield*` maybe?
      cleanup();
      return Promise.reject(value);
    },
  };
};

ZipFile.prototype.openReadStream = function(entry, options, callback) {
  var self = this;
  // parameter validation
  var relativeStart = 0;
  var relativeEnd = entry.compressedSize;
  if (callback == null) {
    callback = options;
    options = null;
  }
  if (options == null) {
    options = {};
  } else {
    if (options.decodeFileData === false) {
      // new, simple option
      if (options.decrypt != null) {
        throw new Error("cannot use options.decrypt when options.decodeFileData === false");
      }
      if (options.decompress != null) {
        throw new Error("cannot use options.decompress when options.decodeFileData === false");
      }
      // start and end are allowed
    } else {
      // old, complicated options
      if (options.decrypt != null) {
        if (!entry.isEncrypted()) {
          throw new Error("options.decrypt can only be specified for encrypted entries. See also option decodeFileData.");
        }
        if (options.decrypt !== false) throw new Error("invalid options.decrypt value: " + options.decrypt);
        if (entry.isCompressed()) {
          if (options.decompress !== false) throw new Error("entry is encrypted and compressed, and options.decompress !== false. See also option decodeFileData.");
        }
      }
      if (options.decompress != null) {
        if (!entry.isCompressed()) {
          throw new Error("options.decompress can only be specified for compressed entries. See also option decodeFileData.");
        }
        if (!(options.decompress === false || options.decompress === true)) {
          throw new Error("invalid options.decompress value: " + options.decompress);
        }
        decompress = options.decompress;
      }
    }
    if (options.start != null) {
      relativeStart = options.start;
      if (relativeStart < 0) throw new Error("options.start < 0");
      if (relativeStart > entry.compressedSize) throw new Error("options.start > entry.compressedSize");
    }
    if (options.end != null) {
      relativeEnd = options.end;
      if (relativeEnd < 0) throw new Error("options.end < 0");
      if (relativeEnd > entry.compressedSize) throw new Error("options.end > entry.compressedSize");
      if (relativeEnd < relativeStart) throw new Error("options.end < options.start");
    }
  }
  var rawMode = (
    options.decodeFileData === false || // Explicitly requested raw.
    (
      (entry.compressionMethod === 0 || // Naturally without compression.
        (entry.compressionMethod === 8 && options.decompress === false) // Deprecated compression bypass option.
      ) &&
      (!entry.isEncrypted() || // Naturally without encryption.
        options.decrypt === false // Deprecated encryption bypass option.
      )
    )
  );
  if (options.start != null || options.end != null) {
    // Ensure slicing deals with raw data.
    if (!rawMode) throw new Error("start/end range require options.decodeFileData === false for non-trivial encoded entries.");
  }

  // any further errors can either be caused by the zipfile,
  // or were introduced in a minor version of yauzl,
  // so should be passed to the client rather than thrown.
  if (!self.isOpen) return callback(new Error("closed"));
  if (entry.isEncrypted() && !rawMode) {
    if (options.decrypt !== false) return callback(new Error("entry is encrypted, and options.decodeFileData !== false"));
  }
  var decompress;
  if (rawMode) {
    decompress = false;
  } else if (entry.compressionMethod === 8) {
    // 8 - The file is Deflated
    decompress = options.decodeFileData !== true;
  } else {
    return callback(new Error("unsupported compression method: " + entry.compressionMethod));
  }

  self.readLocalFileHeader(entry, {minimal: true}, function(err, localFileHeader) {
    if (err) return callback(err);
    self.openReadStreamLowLevel(
      localFileHeader.fileDataStart, entry.compressedSize,
      relativeStart, relativeEnd,
      decompress, entry.uncompressedSize,
      callback);
  });
};

ZipFile.prototype.openReadStreamLowLevel = function(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize, callback) {
  var self = this;

  var fileDataEnd = fileDataStart + compressedSize;
  var readStream = self.reader.createReadStream({
    start: fileDataStart + relativeStart,
    end: fileDataStart + relativeEnd,
  });
  var endpointStream = readStream;
  if (decompress) {
    var destroyed = false;
    var inflateFilter = zlib.createInflateRaw();
    readStream.on("error", function(err) {
      // setImmediate here because errors can be emitted during the first call to pipe()
      setImmediate(function() {
        if (!destroyed) inflateFilter.emit("error", err);
      });
    });
    readStream.pipe(inflateFilter);

    if (self.validateEntrySizes) {
      endpointStream = new AssertByteCountStream(uncompressedSize);
      inflateFilter.on("error", function(err) {
        // forward zlib errors to the client-visible stream
        setImmediate(function() {
          if (!destroyed) endpointStream.emit("error", err);
        });
      });
      inflateFilter.pipe(endpointStream);
    } else {
      // the zlib filter is the client-visible stream
      endpointStream = inflateFilter;
    }
    // this is part of yauzl's API, so implement this function on the client-visible stream
    installDestroyFn(endpointStream, function() {
      destroyed = true;
      if (inflateFilter !== endpointStream) inflateFilter.unpipe(endpointStream);
      readStream.unpipe(inflateFilter);
      // TODO: the inflateFilter may cause a memory leak. see Issue #27.
      readStream.destroy();
    });
  }
  callback(null, endpointStream);
};

ZipFile.prototype.readLocalFileHeader = function(entry, options, callback) {
  var self = this;
  if (callback == null) {
    callback = options;
    options = null;
  }
  if (options == null) options = {};

  self.reader.ref();
  var buffer = newBuffer(30);
  readAndAssertNoEof(self.reader, buffer, 0, buffer.length, entry.relativeOffsetOfLocalHeader, function(err) {
    try {
      if (err) return callback(err);
      // 0 - Local file header signature = 0x04034b50
      var signature = buffer.readUInt32LE(0);
      if (signature !== 0x04034b50) {
        return callback(new Error("invalid local file header signature: 0x" + signature.toString(16)));
      }

      var fileNameLength = buffer.readUInt16LE(26);
      var extraFieldLength = buffer.readUInt16LE(28);
      var fileDataStart = entry.relativeOffsetOfLocalHeader + 30 + fileNameLength + extraFieldLength;
      // We now have enough information to do this bounds check.
      if (fileDataStart + entry.compressedSize > self.fileSize) {
        return callback(new Error("file data overflows file bounds: " +
            fileDataStart + " + " + entry.compressedSize + " > " + self.fileSize));
      }

      if (options.minimal) {
        return callback(null, {fileDataStart: fileDataStart});
      }

      var localFileHeader = new LocalFileHeader();
      localFileHeader.fileDataStart = fileDataStart;

      // 4 - Version needed to extract (minimum)
      localFileHeader.versionNeededToExtract = buffer.readUInt16LE(4);
      // 6 - General purpose bit flag
      localFileHeader.generalPurposeBitFlag = buffer.readUInt16LE(6);
      // 8 - Compression method
      localFileHeader.compressionMethod = buffer.readUInt16LE(8);
      // 10 - File last modification time
      localFileHeader.lastModFileTime = buffer.readUInt16LE(10);
      // 12 - File last modification date
      localFileHeader.lastModFileDate = buffer.readUInt16LE(12);
      // 14 - CRC-32
      localFileHeader.crc32 = buffer.readUInt32LE(14);
      // 18 - Compressed size
      localFileHeader.compressedSize = buffer.readUInt32LE(18);
      // 22 - Uncompressed size
      localFileHeader.uncompressedSize = buffer.readUInt32LE(22);
      // 26 - File name length (n)
      localFileHeader.fileNameLength = fileNameLength;
      // 28 - Extra field length (m)
      localFileHeader.extraFieldLength = extraFieldLength;
      // 30 - File name
      // 30+n - Extra field

      buffer = newBuffer(fileNameLength + extraFieldLength);
      self.reader.ref();
      readAndAssertNoEof(self.reader, buffer, 0, buffer.length, entry.relativeOffsetOfLocalHeader + 30, function(err) {
        try {
          if (err) return callback(err);
          localFileHeader.fileName = buffer.subarray(0, fileNameLength);
          localFileHeader.extraField = buffer.subarray(fileNameLength);
          return callback(null, localFileHeader);
        } finally {
          self.reader.unref();
        }
      });
    } finally {
      self.reader.unref();
    }
  });
};

ZipFile.prototype.openReadStreamPromise = function(entry, options) {
  return new Promise((resolve, reject) => {
    this.openReadStream(entry, options, function(err, readStream) {
      if (err) return reject(err);
      resolve(readStream);
    });
  });
};
ZipFile.prototype.openReadStreamLowLevelPromise = function(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize) {
  return new Promise((resolve, reject) => {
    this.openReadStream(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize, function(err, readStream) {
      if (err) return reject(err);
      resolve(readStream);
    });
  });
};
ZipFile.prototype.readLocalFileHeaderPromise = function(entry, options) {
  return new Promise((resolve, reject) => {
    this.readLocalFileHeader(entry, options, function(err, localFileHeader) {
      if (err) return reject(err);
      resolve(localFileHeader);
    });
  });
};

function Entry() {
}
Entry.prototype.getLastModDate = function(options) {
  if (options == null) options = {};

  if (!options.forceDosFormat) {
    // Check extended fields.
    for (var i = 0; i < this.extraFields.length; i++) {
      var extraField = this.extraFields[i];
      if (extraField.id === 0x5455) {
        // Info-ZIP "universal timestamp" extended field (`0x5455` aka `"UT"`).
        // See the Info-ZIP source code unix/unix.c:set_extra_field() and zipfile.c:ef_scan_ut_time().
        var data = extraField.data;
        if (data.length < 5) continue; // Too short.
        // The flags define which of the three fields are present: mtime, atime, ctime.
        // We only care about mtime.
        // Also, ctime is never included in practice.
        // And also, atime is only included in the local file header for some reason
        // despite the flags lying about its inclusion in the central header.
        var flags = data[0];
        var HAS_MTIME = 1;
        if (!(flags & HAS_MTIME)) continue; // This will realistically never happen.
        // Although the positions of all of the fields shift around depending on the presence of other fields,
        // mtime is always first if present, and that's the only one we care about.
        var posixTimestamp = data.readInt32LE(1);
        return new Date(posixTimestamp * 1000);
      } else if (extraField.id === 0x000a) {
        var data = extraField.data;
        if (data.length !== 32) continue; // The length is always the same.
        // 4 bytes reserved
        // 2 bytes Tag
        if (data.readUInt16LE(4) !== 1) continue; // Tag1 is actually the only defined Tag.
        // 2 bytes Size
        if (data.readUInt16LE(6) !== 24) continue; // Size is always 24.
        // 8 bytes Mtime
        var hundredNanoSecondsSince1601 = data.readUInt32LE(8) + 4294967296 * data.readInt32LE(12);
        // Convert from NTFS to POSIX milliseconds.
        // The big number below is the milliseconds between year 1601 and year 1970
        // (i.e. the negative POSIX timestamp of 1601-01-01 00:00:00Z)
        var millisecondsSince1970 = hundredNanoSecondsSince1601 / 10000 - 11644473600000;
        // Note on numeric precision: JavaScript Number objects lose precision above Number.MAX_SAFE_INTEGER,
        // and NTFS timestamps are typically much bigger than that limit.
        // (MAX_SAFE_INTEGER would represent 1629-07-17T23:58:45.475Z.)
        // However, we're losing precision in the conversion from 100nanosecond units to millisecond units anyway,
        // and the time at which we also lose 1-millisecond precision is year 275760, the JavaScript Date limit (by design).
        // Up through the year 2057, this conversion only drops 4 bits of precision,
        // which is well under the 13-14 bits ratio between the milliseconds and 100nanoseconds.
        return new Date(millisecondsSince1970);
      }
    }
  }

  // Fallback to non-extended encoding.
  return dosDateTimeToDate(this.lastModFileDate, this.lastModFileTime, options.timezone);
};

Entry.prototype.canDecodeFileData = function() {
  return (
    !this.isEncrypted() &&
    (this.compressionMethod === 0 || this.compressionMethod === 8)
  );
};
Entry.prototype.isEncrypted = function() {
  return (this.generalPurposeBitFlag & 0x1) !== 0;
};
Entry.prototype.isCompressed = function() {
  return this.compressionMethod === 8;
};

function LocalFileHeader() {
}

function dosDateTimeToDate(date, time, timezone) {
  var day = date & 0x1f; // 1-31
  var month = (date >> 5 & 0xf) - 1; // 1-12, 0-11
  var year = (date >> 9 & 0x7f) + 1980; // 0-128, 1980-2108

  var millisecond = 0;
  var second = (time & 0x1f) * 2; // 0-29, 0-58 (even numbers)
  var minute = time >> 5 & 0x3f; // 0-59
  var hour = time >> 11 & 0x1f; // 0-23

  if (timezone == null || timezone === "local") {
    return new Date(year, month, day, hour, minute, second, millisecond);
  } else if (timezone === "UTC") {
    return new Date(Date.UTC(year, month, day, hour, minute, second, millisecond));
  } else {
    throw new Error("unrecognized options.timezone: " + options.timezone);
  }
}

function getFileNameLowLevel(generalPurposeBitFlag, fileNameBuffer, extraFields, strictFileNames) {
  var fileName = null;

  // check for Info-ZIP Unicode Path Extra Field (0x7075)
  // see https://github.com/thejoshwolfe/yauzl/issues/33
  for (var i = 0; i < extraFields.length; i++) {
    var extraField = extraFields[i];
    if (extraField.id === 0x7075) {
      if (extraField.data.length < 6) {
        // too short to be meaningful
        continue;
      }
      // Version       1 byte      version of this extra field, currently 1
      if (extraField.data.readUInt8(0) !== 1) {
        // > Changes may not be backward compatible so this extra
        // > field should not be used if the version is not recognized.
        continue;
      }
      // NameCRC32     4 bytes     File Name Field CRC32 Checksum
      var oldNameCrc32 = extraField.data.readUInt32LE(1);
      if (crc32(fileNameBuffer) !== oldNameCrc32) {
        // > If the CRC check fails, this UTF-8 Path Extra Field should be
        // > ignored and the File Name field in the header should be used instead.
        continue;
      }
      // UnicodeName   Variable    UTF-8 version of the entry File Name
      fileName = decodeBuffer(extraField.data.subarray(5), true);
      break;
    }
  }

  if (fileName == null) {
    // The typical case.
    var isUtf8 = (generalPurposeBitFlag & 0x800) !== 0;
    fileName = decodeBuffer(fileNameBuffer, isUtf8);
  }

  if (!strictFileNames) {
    // Allow backslash.
    fileName = fileName.replace(/\\/g, "/");
  }
  return fileName;
}

function validateFileName(fileName) {
  if (fileName.indexOf("\\") !== -1) {
    return "invalid characters in fileName: " + fileName;
  }
  if (/^[a-zA-Z]:/.test(fileName) || /^\//.test(fileName)) {
    return "absolute path: " + fileName;
  }
  if (fileName.split("/").indexOf("..") !== -1) {
    return "invalid relative path: " + fileName;
  }
  // all good
  return null;
}

function parseExtraFields(extraFieldBuffer) {
  var extraFields = [];
  var i = 0;
  while (i < extraFieldBuffer.length - 3) {
    var headerId = extraFieldBuffer.readUInt16LE(i + 0);
    var dataSize = extraFieldBuffer.readUInt16LE(i + 2);
    var dataStart = i + 4;
    var dataEnd = dataStart + dataSize;
    if (dataEnd > extraFieldBuffer.length) throw new Error("extra field length exceeds extra field buffer size");
    var dataBuffer = extraFieldBuffer.subarray(dataStart, dataEnd);
    extraFields.push({
      id: headerId,
      data: dataBuffer,
    });
    i = dataEnd;
  }
  return extraFields;
}

function readAndAssertNoEof(reader, buffer, offset, length, position, callback) {
  if (length === 0) {
    // fs.read will throw an out-of-bounds error if you try to read 0 bytes from a 0 byte file
    return setImmediate(function() { callback(null, newBuffer(0)); });
  }
  reader.read(buffer, offset, length, position, function(err, bytesRead) {
    if (err) return callback(err);
    if (bytesRead < length) {
      return callback(new Error("unexpected EOF"));
    }
    callback();
  });
}

util.inherits(AssertByteCountStream, Transform);
function AssertByteCountStream(byteCount) {
  Transform.call(this);
  this.actualByteCount = 0;
  this.expectedByteCount = byteCount;
}
AssertByteCountStream.prototype._transform = function(chunk, encoding, cb) {
  this.actualByteCount += chunk.length;
  if (this.actualByteCount > this.expectedByteCount) {
    var msg = "too many bytes in the stream. expected " + this.expectedByteCount + ". got at least " + this.actualByteCount;
    return cb(new Error(msg));
  }
  cb(null, chunk);
};
AssertByteCountStream.prototype._flush = function(cb) {
  if (this.actualByteCount < this.expectedByteCount) {
    var msg = "not enough bytes in the stream. expected " + this.expectedByteCount + ". got only " + this.actualByteCount;
    return cb(new Error(msg));
  }
  cb();
};

util.inherits(RandomAccessReader, EventEmitter);
function RandomAccessReader() {
  EventEmitter.call(this);
  this.refCount = 0;
}
RandomAccessReader.prototype.ref = function() {
  this.refCount += 1;
};
RandomAccessReader.prototype.unref = function() {
  var self = this;
  self.refCount -= 1;

  if (self.refCount > 0) return;
  if (self.refCount < 0) throw new Error("invalid unref");

  self.close(onCloseDone);

  function onCloseDone(err) {
    if (err) return self.emit('error', err);
    self.emit('close');
  }
};
RandomAccessReader.prototype.createReadStream = function(options) {
  if (options == null) options = {};
  var start = options.start;
  var end = options.end;
  if (start === end) {
    var emptyStream = new PassThrough();
    setImmediate(function() {
      emptyStream.end();
    });
    return emptyStream;
  }
  var stream = this._readStreamForRange(start, end);

  var destroyed = false;
  var refUnrefFilter = new RefUnrefFilter(this);
  stream.on("error", function(err) {
    setImmediate(function() {
      if (!destroyed) refUnrefFilter.emit("error", err);
    });
  });
  installDestroyFn(refUnrefFilter, function() {
    stream.unpipe(refUnrefFilter);
    refUnrefFilter.unref();
    stream.destroy();
  });

  var byteCounter = new AssertByteCountStream(end - start);
  refUnrefFilter.on("error", function(err) {
    setImmediate(function() {
      if (!destroyed) byteCounter.emit("error", err);
    });
  });
  installDestroyFn(byteCounter, function() {
    destroyed = true;
    refUnrefFilter.unpipe(byteCounter);
    refUnrefFilter.destroy();
  });

  return stream.pipe(refUnrefFilter).pipe(byteCounter);
};
RandomAccessReader.prototype._readStreamForRange = function(start, end) {
  throw new Error("not implemented");
};
RandomAccessReader.prototype.read = function(buffer, offset, length, position, callback) {
  var readStream = this.createReadStream({start: position, end: position + length});
  var writeStream = new Writable();
  var written = 0;
  writeStream._write = function(chunk, encoding, cb) {
    chunk.copy(buffer, offset + written, 0, chunk.length);
    written += chunk.length;
    cb();
  };
  writeStream.on("finish", callback);
  readStream.on("error", function(error) {
    callback(error);
  });
  readStream.pipe(writeStream);
};
RandomAccessReader.prototype.close = function(callback) {
  setImmediate(callback);
};

util.inherits(RefUnrefFilter, PassThrough);
function RefUnrefFilter(context) {
  PassThrough.call(this);
  this.context = context;
  this.context.ref();
  this.unreffedYet = false;
}
RefUnrefFilter.prototype._flush = function(cb) {
  this.unref();
  cb();
};
RefUnrefFilter.prototype.unref = function(cb) {
  if (this.unreffedYet) return;
  this.unreffedYet = true;
  this.context.unref();
};

var cp437 = '\u0000☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼ !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~⌂ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■ ';
function decodeBuffer(buffer, isUtf8) {
  if (isUtf8) {
    return buffer.toString("utf8");
  } else {
    var result = "";
    for (var i = 0; i < buffer.length; i++) {
      result += cp437[buffer[i]];
    }
    return result;
  }
}

function readUInt64LE(buffer, offset) {
  // There is no native function for this, because we can't actually store 64-bit integers precisely.
  // after 53 bits, JavaScript's Number type (IEEE 754 double) can't store individual integers anymore.
  // but since 53 bits is a whole lot more than 32 bits, we do our best anyway.
  // As of 2020, Node has added support for BigInt, which obviates this whole function,
  // but yauzl hasn't been updated to depend on BigInt (yet?).
  var lower32 = buffer.readUInt32LE(offset);
  var upper32 = buffer.readUInt32LE(offset + 4);
  // we can't use bitshifting here, because JavaScript bitshifting only works on 32-bit integers.
  return upper32 * 0x100000000 + lower32;
  // as long as we're bounds checking the result of this function against the total file size,
  // we'll catch any overflow errors, because we already made sure the total file size was within reason.
}

// Node 10 deprecated new Buffer().
var newBuffer;
if (typeof Buffer.allocUnsafe === "function") {
  newBuffer = function(len) {
    return Buffer.allocUnsafe(len);
  };
} else {
  newBuffer = function(len) {
    return new Buffer(len);
  };
}

// Node 8 introduced a proper destroy() implementation on writable streams.
function installDestroyFn(stream, fn) {
  if (typeof stream.destroy === "function") {
    // New API.
    stream._destroy = function(err, cb) {
      fn();
      if (cb != null) cb(err);
    };
  } else {
    // Old API.
    stream.destroy = fn;
  }
}

function defaultCallback(err) {
  if (err) throw err;
}


/***/ }),

/***/ 434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 23:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Qg: () => (/* reexport */ packing_errors_ArchiveIntegrityError),
  U8: () => (/* reexport */ CHECKPOINT_KIND),
  zY: () => (/* reexport */ CheckpointCodec),
  jg: () => (/* reexport */ CheckpointError),
  O$: () => (/* reexport */ CheckpointManager),
  MO: () => (/* reexport */ CheckpointNotFoundError),
  Mu: () => (/* reexport */ CheckpointSource),
  Uv: () => (/* reexport */ CheckpointWriteError),
  MG: () => (/* reexport */ CorruptCheckpointError),
  eL: () => (/* reexport */ ENCRYPTED_KIND),
  Cr: () => (/* reexport */ EXPORT_KIND),
  pw: () => (/* reexport */ ID_PATTERN),
  Rb: () => (/* reexport */ ID_RULE),
  cs: () => (/* reexport */ IntegrityError),
  oC: () => (/* reexport */ errors_InvalidInputError),
  yw: () => (/* reexport */ LocalDirectoryStore),
  bi: () => (/* reexport */ MAX_DOCUMENT_BYTES),
  ve: () => (/* reexport */ NAME_PREFIX),
  m_: () => (/* reexport */ NotFoundError),
  ZU: () => (/* reexport */ PathEscapeError),
  f$: () => (/* reexport */ SCHEMA_VERSION),
  lv: () => (/* reexport */ UnsupportedSchemaError),
  lP: () => (/* reexport */ UntrustedCheckpointError),
  eb: () => (/* reexport */ UsageError),
  bS: () => (/* reexport */ archivesOf),
  dj: () => (/* reexport */ canonicalJson),
  s7: () => (/* reexport */ checkpointName),
  Iu: () => (/* reexport */ compareRefs),
  hf: () => (/* reexport */ completedNodes),
  cn: () => (/* reexport */ describeTimeSaved),
  hi: () => (/* reexport */ diffCheckpoints),
  ol: () => (/* reexport */ digestOf),
  lM: () => (/* reexport */ documentOf),
  vP: () => (/* reexport */ exportScope),
  jv: () => (/* reexport */ filesArchiveName),
  z3: () => (/* reexport */ formatBytes),
  a3: () => (/* reexport */ formatDuration),
  tW: () => (/* reexport */ importSource),
  $7: () => (/* reexport */ isEmptyDiff),
  OW: () => (/* reexport */ isJsonObject),
  VH: () => (/* reexport */ isSafeRelativePath),
  ti: () => (/* reexport */ mergeStates),
  TZ: () => (/* reexport */ naming_parseArtifactName),
  S7: () => (/* reexport */ parseCheckpoint),
  PN: () => (/* reexport */ parseCheckpointName),
  I6: () => (/* reexport */ readCheckpointSource),
  H8: () => (/* reexport */ refOf),
  vQ: () => (/* reexport */ restoreCheckpoint),
  WY: () => (/* reexport */ sameRef),
  uP: () => (/* reexport */ document_sealCheckpoint),
  BV: () => (/* reexport */ selectCheckpoint),
  tf: () => (/* reexport */ serializeCheckpoint),
  sI: () => (/* reexport */ canonical_sha256Digest),
  jU: () => (/* reexport */ timeSaved),
  m0: () => (/* reexport */ unsafePathReason),
  GZ: () => (/* reexport */ validateId),
  t4: () => (/* reexport */ verifySource),
  LT: () => (/* reexport */ workOf)
});

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: ./src/checkpoint/canonical.ts

/**
 * Characters of a long string encoded at a time into one reused buffer while it is hashed.
 * Hashing a string whole first encodes it into a buffer as large: for 50 MB of state, 150 ms
 * of the digest's 180 ms, most of it the kernel handing over 50 MB of fresh pages.
 */
const TEXT_CHUNK = 256 * 1024;
/**
 * JSON with object keys sorted at every depth and no white space: the same value always gives
 * the same bytes, so a digest over it does not depend on how the document was formatted.
 */
function canonicalJson(value) {
    if (value === undefined)
        return 'null';
    if (value === null || typeof value !== 'object')
        return JSON.stringify(value);
    if (Array.isArray(value))
        return `[${value.map(item => canonicalJson(item)).join(',')}]`;
    const record = value;
    const keys = Object.keys(record)
        .filter(key => record[key] !== undefined)
        .sort();
    return `{${keys.map(key => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}
/** `sha256:<hex>` of a string (its UTF-8) or bytes, the form the artifact service uses too. */
function canonical_sha256Digest(data) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    if (typeof data === 'string' && data.length > TEXT_CHUNK)
        updateWithText(hash, data);
    else
        hash.update(data);
    return `sha256:${hash.digest('hex')}`;
}
/** Hashes `text`'s UTF-8 a chunk at a time, a surrogate pair never cut in two. */
function updateWithText(hash, text) {
    // A UTF-16 unit takes at most 3 bytes of UTF-8 (a pair, two units, takes 4).
    const buffer = Buffer.allocUnsafe(TEXT_CHUNK * 3);
    for (let start = 0; start < text.length;) {
        let end = Math.min(text.length, start + TEXT_CHUNK);
        if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1)))
            end -= 1;
        const written = buffer.write(text.slice(start, end), 'utf8');
        hash.update(buffer.subarray(0, written));
        start = end;
    }
}
function isHighSurrogate(code) {
    return code >= 0xd800 && code <= 0xdbff;
}

;// CONCATENATED MODULE: ./src/checkpoint/errors.ts
/**
 * Typed errors of the checkpoint domain. Each message names the thing (file, input, value) and
 * the rule, so a user can act on it without reading the source.
 */
/** Base class: every error this project raises on purpose. */
class CheckpointError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = new.target.name;
    }
}
/** A value broke a rule: a node id, a scope, a state document, an input. Never retried. */
class errors_InvalidInputError extends CheckpointError {
    input;
    value;
    rule;
    constructor(input, value, rule) {
        super(`Input '${input}' has an invalid value ${quote(value)}: ${rule}`);
        this.input = input;
        this.value = value;
        this.rule = rule;
    }
}
/**
 * A mistake in how the action is used that no retry can fix (two jobs sharing a scope, a secret
 * in the state): it fails the step whatever `fail-on-error` says, as an invalid input does.
 */
class errors_ConfigurationError extends (/* unused pure expression or super */ null && (CheckpointError)) {
}
/** The seed's "no write permission": the store's directory or file cannot be written. */
class CheckpointWriteError extends CheckpointError {
    file;
    constructor(file, cause) {
        super(`Cannot write checkpoint ${file}: ${describe(cause)}`, { cause });
        this.file = file;
    }
}
/** The seed's "corrupt checkpoint file": unreadable JSON, a wrong shape or a digest mismatch. */
class CorruptCheckpointError extends CheckpointError {
    file;
    reason;
    constructor(file, reason, options) {
        super(`Checkpoint ${file} is corrupt: ${reason}`, options);
        this.file = file;
        this.reason = reason;
    }
}
/** A checkpoint written by a newer version of the action: refused, never half-read. */
class UnsupportedSchemaError extends CheckpointError {
    file;
    schema;
    supported;
    constructor(file, schema, supported) {
        super(`Checkpoint ${file} has schema version ${schema}; this version of checkpoint-action reads ` +
            `versions up to ${supported}. Upgrade the action to read it.`);
        this.file = file;
        this.schema = schema;
        this.supported = supported;
    }
}
/** The seed's "missing checkpoint". */
class CheckpointNotFoundError extends CheckpointError {
    file;
    constructor(file) {
        super(`Checkpoint ${file} does not exist`);
        this.file = file;
    }
}
/** Shows a value in a message: quoted, control characters escaped, long values cut. */
function quote(value) {
    const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
    return JSON.stringify(shown);
}
/**
 * The message of anything thrown, Error or not, with its cause when the message leaves it out
 * (fetch says only "fetch failed"; its cause says "connect ECONNREFUSED ...").
 */
function describe(error) {
    if (error instanceof Error) {
        const cause = error.cause instanceof Error ? describe(error.cause) : '';
        return cause && !error.message.includes(cause) ? `${error.message} (${cause})` : error.message;
    }
    if (typeof error === 'string')
        return error;
    try {
        const text = JSON.stringify(error);
        return text ?? String(error);
    }
    catch {
        return String(error);
    }
}

;// CONCATENATED MODULE: ./src/checkpoint/ids.ts

/** Node ids and scopes: what artifact names, output names and file names can all carry. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** The rule in words, as error messages state it. */
const ID_RULE = 'must be 1-64 characters of letters, digits, "_" and "-", starting with a letter or digit';
/**
 * Checks a node id or scope and returns it unchanged.
 * @param input what the value was given as (an input name such as `node` or `scope`)
 * @throws InvalidInputError naming the input, the value and the rule
 */
function validateId(input, value) {
    if (!ID_PATTERN.test(value))
        throw new errors_InvalidInputError(input, value, ID_RULE);
    return value;
}
/**
 * Finds the id in `known` that equals `id` ignoring case but not exactly: workflow expressions
 * compare output names case-insensitively, so `done-Build` and `done-build` would collide.
 */
function caseCollision(id, known) {
    const folded = id.toLowerCase();
    for (const other of known) {
        if (other !== id && other.toLowerCase() === folded)
            return other;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/checkpoint/naming.ts

/** Every name this project gives an artifact or a file starts with this. */
const NAME_PREFIX = 'checkpoint';
const NAME_PATTERN = /^checkpoint\.([^.]+)\.a(\d{1,9})\.s(\d{1,9})\.([^.]+)\.(json|files|pack)$/;
function stem(ref) {
    const sequence = String(ref.sequence).padStart(3, '0');
    return `${NAME_PREFIX}.${ref.scope}.a${ref.attempt}.s${sequence}.${ref.node}`;
}
/**
 * The name of a checkpoint document, as artifact and as file: `checkpoint.<scope>.a<attempt>.
 * s<sequence>.<node>.json`. Dots cannot occur in ids, so the name parses back unambiguously, and
 * the attempt in it means a re-run never reuses a name (a 409 from the artifact service).
 */
function checkpointName(ref) {
    return `${stem(ref)}.json`;
}
/** The name of the archive holding the files a node added: `<stem>.files`. */
function filesArchiveName(ref) {
    return `${stem(ref)}.files`;
}
/**
 * The name of a pack written by the save of `ref`: `<stem>.pack`, a zip of stored entries holding
 * small archives merged together and checkpoint documents retired from their own artifacts.
 */
function packName(ref) {
    return `${stem(ref)}.pack`;
}
const NAMERS = {
    json: checkpointName,
    files: filesArchiveName,
    pack: packName
};
/** Reads a checkpoint document's name back into its ref; undefined for any other name. */
function parseCheckpointName(name) {
    const parsed = naming_parseArtifactName(name);
    return parsed?.kind === 'json' ? parsed.ref : undefined;
}
/** Reads a document's or a files archive's name back; undefined for others (packs too). */
function naming_parseArtifactName(name) {
    const parsed = parseAnyArtifactName(name);
    return parsed?.kind === 'pack'
        ? undefined
        : parsed;
}
/** Reads a pack's name back into the ref of the save that wrote it; undefined for others. */
function parsePackName(name) {
    const parsed = parseAnyArtifactName(name);
    return parsed?.kind === 'pack' ? parsed.ref : undefined;
}
/** Reads any name this project gives (document, files archive, pack); undefined for others. */
function parseAnyArtifactName(name) {
    const match = NAME_PATTERN.exec(name);
    if (!match)
        return undefined;
    const [, scope = '', attempt = '', sequence = '', node = '', kind = ''] = match;
    if (!ID_PATTERN.test(scope) || !ID_PATTERN.test(node))
        return undefined;
    const ref = { scope, attempt: Number(attempt), sequence: Number(sequence), node };
    const parsed = { ref, kind: kind };
    // One spelling per checkpoint: `a01` or `s1` would name the same one twice.
    return NAMERS[parsed.kind](ref) === name ? parsed : undefined;
}
/**
 * Orders checkpoints oldest first: by attempt, then by sequence. Never by artifact id (not
 * monotonic across attempts) and never by time stamps (second resolution, clock skew).
 */
function compareRefs(a, b) {
    return a.attempt - b.attempt || a.sequence - b.sequence || compareText(a.node, b.node);
}
/**
 * Orders texts by UTF-16 code units: the same order on every machine, whatever its locale, and
 * without the tens of milliseconds a first `localeCompare` takes to load the collation data.
 */
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** True when both refs name the same checkpoint. */
function sameRef(a, b) {
    return compareRefs(a, b) === 0 && a.scope === b.scope;
}

;// CONCATENATED MODULE: ./src/checkpoint/safe-paths.ts
/**
 * Workspace-relative paths as a checkpoint records them: forward slashes, no `.` or `..`
 * segments, not absolute, no drive letters (nor UNC paths, which start with a slash), no NUL.
 * Anything else could land outside the root, on some OS. With `platform` 'win32', a path about
 * to be written on Windows must also be one that Windows writes where it says: no name that
 * Windows trims (a trailing dot or space), no character it refuses or reads as a stream
 * (`a:b`), no device name (`CON`, `nul.txt`).
 */
function unsafePathReason(path, platform) {
    if (path.length === 0)
        return 'is empty';
    if (path.includes('\0'))
        return 'contains a NUL byte';
    if (path.includes('\\'))
        return 'contains a backslash';
    if (path.startsWith('/'))
        return 'is absolute';
    if (/^[A-Za-z]:/.test(path))
        return 'starts with a drive letter';
    const segments = path.split('/');
    if (segments.some(segment => segment === '..'))
        return 'contains a ".." segment';
    if (segments.some(segment => segment === '.' || segment === ''))
        return 'is not normalized';
    if (platform === 'win32')
        return windowsNameReason(segments);
    return undefined;
}
/** Names Windows keeps for devices, with any extension: `CON`, `nul.txt`, `COM1`, `lpt9.log`. */
const WINDOWS_DEVICE = /^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(?:\..*)?$/i;
/** Characters Windows refuses in a name (`:` also opens an alternate data stream). */
const WINDOWS_FORBIDDEN = /[<>:"|?*]/;
/** Control characters (U+0001 to U+001F; NUL is refused everywhere), which Windows refuses too. */
function hasControlCharacter(name) {
    for (let index = 0; index < name.length; index++) {
        if (name.charCodeAt(index) < 0x20)
            return true;
    }
    return false;
}
function windowsNameReason(segments) {
    for (const segment of segments) {
        if (/[. ]$/.test(segment)) {
            return `has a name ending in a dot or a space (${JSON.stringify(segment)}), which Windows drops`;
        }
        if (WINDOWS_FORBIDDEN.test(segment) || hasControlCharacter(segment)) {
            return `has a name with a character Windows does not allow (${JSON.stringify(segment)})`;
        }
        if (WINDOWS_DEVICE.test(segment)) {
            return `has a name Windows keeps for a device (${JSON.stringify(segment)})`;
        }
    }
    return undefined;
}
/** True when `path` is a safe workspace-relative path (see {@link unsafePathReason}). */
function isSafeRelativePath(path, platform) {
    return unsafePathReason(path, platform) === undefined;
}

;// CONCATENATED MODULE: ./src/checkpoint/state.ts

const KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const STATE_RULE = 'must be a JSON object, or key=value lines (one per line, keys like my_key)';
/** True for a plain JSON object (not null, not an array). */
function isJsonObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * Parses state as users write it in YAML: a JSON object, or `key=value` lines whose values are
 * strings. Blank lines are ignored; a repeated key is an error rather than a silent overwrite.
 * @param input the input's name, for the error message
 */
function parseStateText(input, text) {
    const trimmed = text.trim();
    if (trimmed === '')
        return {};
    if (trimmed.startsWith('{') || trimmed.startsWith('['))
        return parseJsonObject(input, trimmed);
    const state = {};
    for (const [index, rawLine] of trimmed.split(/\r?\n/).entries()) {
        const line = rawLine.trim();
        if (line === '')
            continue;
        const equals = line.indexOf('=');
        const key = equals > 0 ? line.slice(0, equals).trim() : '';
        if (!KEY_PATTERN.test(key)) {
            throw new InvalidInputError(input, text, `line ${index + 1} ${JSON.stringify(line)}: ${STATE_RULE}`);
        }
        if (Object.hasOwn(state, key)) {
            throw new InvalidInputError(input, text, `line ${index + 1} repeats the key '${key}'`);
        }
        if (FORBIDDEN_KEYS.has(key)) {
            throw new InvalidInputError(input, text, `line ${index + 1} has the key '${key}': ${FORBIDDEN_KEY_RULE}`);
        }
        defineKey(state, key, line.slice(equals + 1).trim());
    }
    return state;
}
/** How deep state may nest: a checkpoint adds two levels and is refused beyond 200. */
const MAX_STATE_DEPTH = 198;
function parseJsonObject(input, text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new InvalidInputError(input, text, `${STATE_RULE} (${error.message})`);
    }
    if (!isJsonObject(value))
        throw new InvalidInputError(input, text, STATE_RULE);
    const problem = stateProblem(value);
    if (problem)
        throw new InvalidInputError(input, text, problem);
    return value;
}
/**
 * Why a state may not be saved (a key of {@link FORBIDDEN_KEYS} at any depth, or nesting deeper
 * than {@link MAX_STATE_DEPTH}), or undefined: the one check of every state a save is given.
 */
function stateProblem(state) {
    const scan = scanJson(state, MAX_STATE_DEPTH);
    if (scan.forbidden) {
        return `holds the key '${scan.forbidden.key}' at ${scan.forbidden.path}: ${FORBIDDEN_KEY_RULE}`;
    }
    if (scan.depth > MAX_STATE_DEPTH)
        return `nests deeper than ${MAX_STATE_DEPTH} levels, the most a state may`;
    return undefined;
}
/**
 * Keys refused in state at any depth: code that assigns or merges a restored state
 * (`Object.assign(target, state)`, `target[key] = value`) would change an object's prototype
 * through them. JSON.parse keeps them as plain data; the checkpoint's consumers may not.
 */
const FORBIDDEN_KEYS = new Set([
    '__proto__',
    'constructor',
    'prototype'
]);
/** Why a forbidden key is refused, for error messages. */
const FORBIDDEN_KEY_RULE = 'keys named __proto__, constructor or prototype are refused at any depth (merged into an object, they change its prototype)';
/**
 * Walks a JSON value once: its nesting depth and its first forbidden key. The save side checks
 * what users give as state with it, the restore side every document it reads.
 */
function scanJson(value, stopAbove) {
    if (typeof value !== 'object' || value === null)
        return { depth: 0 };
    const walk = { stopAbove, trail: [] };
    const depth = depthBelow(value, 1, walk);
    return { depth, forbidden: walk.forbidden };
}
/**
 * The nesting depth of a JSON value, counted up to `stopAbove` + 1: deeper values are not walked
 * further, so the recursion never goes more than `stopAbove` + 1 calls deep, however deep the
 * value. One pass without allocation: a 50 MB state takes tens of milliseconds.
 */
function nestingDepth(value, stopAbove) {
    return scanJson(value, stopAbove).depth;
}
/** A path as the messages show it: `a.b[2].c`. */
function pathText(trail, key) {
    let text = '';
    for (const step of [...trail, key]) {
        text += typeof step === 'number' ? `[${step}]` : text === '' ? step : `.${step}`;
    }
    return text;
}
function depthBelow(node, depth, walk) {
    if (depth > walk.stopAbove)
        return depth;
    let deepest = depth;
    if (Array.isArray(node)) {
        const items = node;
        for (let index = 0; index < items.length; index++) {
            const child = items[index];
            if (typeof child !== 'object' || child === null)
                continue;
            deepest = Math.max(deepest, depthOfChild(child, index, depth, walk));
            if (deepest > walk.stopAbove)
                return deepest;
        }
        return deepest;
    }
    // for-in walks the keys without building an array per object (half the time on large
    // states); inherited keys are passed over, as JSON.stringify passes them over.
    const record = node;
    for (const key in record) {
        if (!Object.hasOwn(record, key))
            continue;
        if (walk.forbidden === undefined && FORBIDDEN_KEYS.has(key)) {
            walk.forbidden = { key, path: pathText(walk.trail, key) };
        }
        const child = record[key];
        if (typeof child !== 'object' || child === null)
            continue;
        deepest = Math.max(deepest, depthOfChild(child, key, depth, walk));
        if (deepest > walk.stopAbove)
            return deepest;
    }
    return deepest;
}
/** The depth below an object or array child, its step on the trail while it is walked. */
function depthOfChild(child, step, depth, walk) {
    walk.trail.push(step);
    const deepest = depthBelow(child, depth + 1, walk);
    walk.trail.pop();
    return deepest;
}
const stateTexts = new WeakMap();
/**
 * `JSON.stringify(state)`, computed once per state object: the digest, the document, the
 * outputs and the job context all use the same text. States are never changed once built
 * (every merge makes a new object), so the text stays true to the object.
 */
function stateJson(state) {
    let text = stateTexts.get(state);
    if (text === undefined) {
        text = JSON.stringify(state);
        stateTexts.set(state, text);
    }
    return text;
}
/**
 * Records `text` as the JSON of `state`, when the caller knows that `JSON.stringify(state)`
 * gives exactly it (e.g. a digest over the text matched one computed over the stringified
 * state), so it is not serialized again.
 */
function rememberStateJson(state, text) {
    stateTexts.set(state, text);
}
/**
 * {@link mergeStates} of two states, or the one that is not empty as it is (no copy, and its
 * JSON text, when known, is kept).
 */
function overlayStates(under, over) {
    if (!hasKeys(under))
        return hasKeys(over) ? over : {};
    if (!hasKeys(over))
        return under;
    return mergeStates(under, over);
}
function hasKeys(state) {
    for (const key in state)
        if (Object.hasOwn(state, key))
            return true;
    return false;
}
/**
 * Merges states shallowly, later ones winning. Keys are defined, never assigned, so a key named
 * `__proto__` stays data and cannot reach Object.prototype.
 */
function mergeStates(...states) {
    const merged = {};
    for (const state of states) {
        for (const key of Object.keys(state))
            defineKey(merged, key, state[key] ?? null);
    }
    return merged;
}
/**
 * A state of these keys and values, in their order, a later value of a key winning. Keys are
 * defined as in {@link mergeStates}, so a key named `__proto__` stays data.
 */
function state_stateFromEntries(entries) {
    const state = {};
    for (const [key, value] of entries)
        defineKey(state, key, value);
    return state;
}
function defineKey(target, key, value) {
    Object.defineProperty(target, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true
    });
}

;// CONCATENATED MODULE: ./src/checkpoint/document.ts






/** The schema version this code writes and the newest it reads. */
const SCHEMA_VERSION = 1;
/** Marks a JSON document as a checkpoint, for tools that find one in a folder of downloads. */
const CHECKPOINT_KIND = 'checkpoint-action/checkpoint';
/** How deep state may nest: deeper documents are refused before anything recurses over them. */
const MAX_DEPTH = 200;
/** Computes the digest of a body: sha256 of its canonical JSON. */
function digestOf(body) {
    // State can be tens of MB: canonical form costs several times JSON.stringify on it. Its
    // compact JSON text, which JSON.parse then JSON.stringify reproduce exactly, is hashed
    // instead, and only the envelope is put in canonical form.
    const state = body.state;
    const stateText = isJsonObject(state)
        ? stateJson(state)
        : (JSON.stringify(state) ?? 'null');
    return digestWithStateText(body, stateText);
}
/** {@link digestOf}, given the state's JSON text. */
function digestWithStateText(body, stateText) {
    const { digest: _digest, signature: _signature, state: _state, ...rest } = body;
    return canonical_sha256Digest(canonicalJson({ ...rest, stateDigest: canonical_sha256Digest(stateText) }));
}
/** Seals a body with its digest. */
function document_sealCheckpoint(body) {
    return { ...body, digest: digestOf(body) };
}
/** Separates the envelope, indented, from the state, compact and last, in a document's text. */
const STATE_MARKER = '\n  "state": ';
/**
 * The document as written to disk and uploaded: the envelope indented, so it opens well in an
 * editor, and the state compact and last, so a large state costs its own size, not twice it.
 */
function serializeCheckpoint(document) {
    const { state, ...envelope } = document;
    const text = JSON.stringify(envelope, null, 2);
    const stateText = isJsonObject(state) ? stateJson(state) : JSON.stringify(state);
    if (text === '{}')
        return `{${STATE_MARKER}${stateText}\n}\n`;
    return `${text.slice(0, -2)},${STATE_MARKER}${stateText}\n}\n`;
}
/**
 * Parses and verifies a checkpoint: JSON, schema version, shape, digest, and (when `expected` is
 * given) that it is the checkpoint its name says, so a renamed or replayed file is refused.
 * @param source names the file or artifact in error messages
 * @throws CorruptCheckpointError or UnsupportedSchemaError
 */
function parseCheckpoint(text, source, expected) {
    const parsed = parseDocumentJson(text, source);
    return parseCheckpointValue(parsed.value, source, expected, parsed.stateText);
}
/**
 * JSON.parse of a document, in two parts when it is laid out as {@link serializeCheckpoint}
 * writes it: the envelope, then the state's text on its own, which is kept so that a digest
 * over it needs no serializing and the state file and job context can be written from it.
 * Otherwise (or when a part does not parse) the whole text, as any JSON. Both give the same
 * value: when the envelope without its last member parses as an object and the state's text as
 * a value, the whole text is that object with the member `"state"` set to that value.
 */
function parseDocumentJson(text, source) {
    const split = splitState(text);
    if (split) {
        try {
            const envelope = JSON.parse(split.envelope);
            if (isJsonObject(envelope) && Object.keys(envelope).length > 0) {
                const state = JSON.parse(split.state);
                Object.defineProperty(envelope, 'state', {
                    value: state,
                    enumerable: true,
                    writable: true,
                    configurable: true
                });
                return { value: envelope, stateText: split.state };
            }
        }
        catch {
            // Not in the writer's layout after all: parsed whole below, with its error if any.
        }
    }
    return { value: parseJson(text, source) };
}
function splitState(text) {
    const at = text.lastIndexOf(STATE_MARKER);
    if (at <= 0 || text.charCodeAt(at - 1) !== 0x2c /* , */)
        return undefined;
    const end = text.endsWith('\n}\n') ? text.length - 3 : text.endsWith('\n}') ? text.length - 2 : -1;
    if (end < at + STATE_MARKER.length)
        return undefined;
    return {
        envelope: `${text.slice(0, at - 1)}\n}`,
        state: text.slice(at + STATE_MARKER.length, end)
    };
}
/** JSON.parse with the failure reported as a corrupt checkpoint. */
function parseJson(text, source) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new CorruptCheckpointError(source, `not valid JSON (${error.message})`);
    }
}
/** Decodes bytes as UTF-8, refusing invalid sequences instead of replacing them. */
function decodeUtf8(bytes, source) {
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        throw new CorruptCheckpointError(source, 'not valid UTF-8');
    }
}
/** {@link parseCheckpoint} over an already parsed JSON value. */
function parseCheckpointValue(value, source, expected, stateText) {
    if (!isJsonObject(value) || value.kind !== CHECKPOINT_KIND) {
        throw new CorruptCheckpointError(source, `not a checkpoint (no "kind": "${CHECKPOINT_KIND}")`);
    }
    const schema = value.schema;
    if (typeof schema !== 'number' || !Number.isInteger(schema) || schema < 1) {
        throw new CorruptCheckpointError(source, 'its "schema" is not a positive integer');
    }
    if (schema > SCHEMA_VERSION)
        throw new UnsupportedSchemaError(source, schema, SCHEMA_VERSION);
    // One walk, before anything else recurses over the value: its depth, and keys that a
    // consumer merging the restored state would turn into a prototype change.
    const scan = scanJson(value, MAX_DEPTH);
    if (scan.depth > MAX_DEPTH) {
        throw new CorruptCheckpointError(source, `it nests deeper than ${MAX_DEPTH} levels`);
    }
    if (scan.forbidden) {
        const { key, path } = scan.forbidden;
        throw new CorruptCheckpointError(source, `it holds the key '${key}' at ${path}: ${FORBIDDEN_KEY_RULE}`);
    }
    const document = value;
    const problem = shapeProblem(document);
    if (problem)
        throw new CorruptCheckpointError(source, problem);
    if (!digestMatches(document, stateText)) {
        throw new CorruptCheckpointError(source, 'its digest does not match its content');
    }
    if (expected && checkpointName(expected) !== checkpointName(document)) {
        throw new CorruptCheckpointError(source, `its content is ${checkpointName(document)}`);
    }
    return document;
}
/**
 * Whether the document's digest covers its content. With the state's text as it was read, the
 * digest over that text is tried first: when it matches, the writer digested exactly that text
 * as `JSON.stringify(state)`, so the text is remembered as the state's JSON and never computed.
 */
function digestMatches(document, stateText) {
    if (stateText !== undefined && digestWithStateText(document, stateText) === document.digest) {
        rememberStateJson(document.state, stateText);
        return true;
    }
    return digestOf(document) === document.digest;
}
function shapeProblem(document) {
    if (!isId(document.scope))
        return 'its "scope" is not a valid id';
    if (!isId(document.node))
        return 'its "node" is not a valid id';
    if (!isCount(document.attempt) || document.attempt < 1)
        return 'its "attempt" is not valid';
    if (!isCount(document.sequence) || document.sequence < 1)
        return 'its "sequence" is not valid';
    if (!isJsonObject(document.state))
        return 'its "state" is not an object';
    if (!isRunInfo(document.run))
        return 'its "run" is malformed';
    if (typeof document.digest !== 'string')
        return 'it has no "digest"';
    if (typeof document.createdAt !== 'string')
        return 'its "createdAt" is not a string';
    if (document.parent !== undefined && typeof document.parent !== 'string') {
        return 'its "parent" is not a string';
    }
    if (document.signature !== undefined && typeof document.signature !== 'string') {
        return 'its "signature" is not a string';
    }
    if (!Array.isArray(document.nodes) || !document.nodes.every(isNodeRecord)) {
        return 'its "nodes" list is malformed';
    }
    if (document.partials !== undefined &&
        (!Array.isArray(document.partials) || !document.partials.every(isPartialRecord))) {
        return 'its "partials" list is malformed';
    }
    if (!Array.isArray(document.archives) || !document.archives.every(isArchiveRecord)) {
        return 'its "archives" list is malformed';
    }
    if (!Array.isArray(document.files))
        return 'its "files" list is malformed';
    return filesProblem(document.files, new Set(document.archives.map(archive => archive.name)));
}
function filesProblem(files, archives) {
    const seen = new Set();
    const links = new Set();
    const linkTargets = new Map();
    for (const file of files) {
        if (!isFileRecord(file))
            return 'its "files" list is malformed';
        const unsafe = unsafePathReason(file.path);
        if (unsafe)
            return `file path ${JSON.stringify(file.path)} ${unsafe}`;
        if (file.mode > 0o777) {
            return `file ${JSON.stringify(file.path)} has mode ${file.mode.toString(8)}: only permission bits (up to 777) are ever saved`;
        }
        const escape = file.link === undefined ? undefined : linkProblem(file.path, file.link);
        if (escape)
            return `link ${JSON.stringify(file.path)} ${escape}`;
        if (seen.has(file.path))
            return `file ${JSON.stringify(file.path)} is listed twice`;
        if (file.link === undefined && !archives.has(file.archive ?? '')) {
            return `file ${JSON.stringify(file.path)} has no archive`;
        }
        if (file.link !== undefined) {
            links.add(file.path);
            linkTargets.set(file.path, file.link);
        }
        seen.add(file.path);
    }
    const through = [...links].find(path => resolveThroughLinks(path, linkTargets) === undefined);
    if (through)
        return `link ${JSON.stringify(through)} leads outside the workspace through other links`;
    for (const path of seen) {
        const parts = path.split('/');
        for (let end = 1; end < parts.length; end++) {
            const folder = parts.slice(0, end).join('/');
            if (links.has(folder))
                return `file ${JSON.stringify(path)} lies under the link ${JSON.stringify(folder)}`;
            if (seen.has(folder))
                return `${JSON.stringify(folder)} is listed both as a file and as a folder`;
        }
    }
    return undefined;
}
/**
 * Resolves a workspace path as the file system would, following the manifest's own links:
 * undefined when it climbs above the workspace. A loop stops after 40 links.
 */
function resolveThroughLinks(path, links) {
    let pending = path.split('/');
    const resolved = [];
    let hops = 0;
    while (pending.length > 0) {
        const segment = pending.shift() ?? '';
        if (segment === '' || segment === '.')
            continue;
        if (segment === '..') {
            if (resolved.pop() === undefined)
                return undefined;
            continue;
        }
        resolved.push(segment);
        const target = links.get(resolved.join('/'));
        if (target === undefined)
            continue;
        // A loop never resolves, on disk either (ELOOP): harmless, as long as no step climbed out.
        if (++hops > 40)
            return resolved;
        resolved.pop();
        pending = [...target.split('/'), ...pending];
    }
    return resolved;
}
/** Why a link's target would leave the workspace, read as text from the link's folder. */
function linkProblem(path, target) {
    if (target === '' || target.includes('\0') || target.includes('\\'))
        return 'has a malformed target';
    if (target.startsWith('/') || /^[A-Za-z]:/.test(target))
        return `points to the absolute path ${JSON.stringify(target)}`;
    const depth = path.split('/').length - 1;
    let level = depth;
    for (const segment of target.split('/')) {
        if (segment === '..')
            level--;
        else if (segment !== '.' && segment !== '')
            level++;
        if (level < 0)
            return `points to ${JSON.stringify(target)}, outside the workspace`;
    }
    return undefined;
}
function isId(value) {
    return typeof value === 'string' && ID_PATTERN.test(value);
}
function isEntry(value) {
    if (!isJsonObject(value))
        return false;
    const entry = value;
    return (typeof entry.name === 'string' &&
        unsafePathReason(entry.name) === undefined &&
        isCount(entry.size) &&
        typeof entry.sha256 === 'string');
}
function isCount(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
function isNodeRecord(value) {
    if (!isJsonObject(value))
        return false;
    const record = value;
    return (isId(record.id) &&
        isCount(record.sequence) &&
        isCount(record.attempt) &&
        typeof record.runId === 'string' &&
        typeof record.savedAt === 'string' &&
        (record.durationMs === undefined || isCount(record.durationMs)) &&
        (record.fingerprint === undefined || isStringRecord(record.fingerprint)) &&
        (record.added === undefined || isAdditions(record.added)) &&
        (record.replaced === undefined || isReplaced(record.replaced)));
}
function isStringList(value) {
    return Array.isArray(value) && value.every(item => typeof item === 'string');
}
function isAdditions(value) {
    if (!isJsonObject(value))
        return false;
    const { state, links } = value;
    return isStringList(state) && (links === undefined || isStringList(links));
}
/** Replaced files may be placed again: they pass the same checks as the manifest's. */
function isReplaced(value) {
    if (!isJsonObject(value))
        return false;
    const { state, files } = value;
    if (state !== undefined && !isJsonObject(state))
        return false;
    if (files === undefined)
        return true;
    return (Array.isArray(files) &&
        files.every(file => isFileRecord(file) &&
            unsafePathReason(file.path) === undefined &&
            (file.link === undefined || linkProblem(file.path, file.link) === undefined)));
}
function isStringRecord(value) {
    return isJsonObject(value) && Object.values(value).every(item => typeof item === 'string');
}
const RUN_TEXT_FIELDS = ['repository', 'workflow', 'job', 'sha', 'ref'];
function isRunInfo(value) {
    if (!isJsonObject(value))
        return false;
    const run = value;
    return (typeof run.runId === 'string' &&
        isCount(run.attempt) &&
        RUN_TEXT_FIELDS.every(field => run[field] === undefined || typeof run[field] === 'string'));
}
const PACKINGS = new Set(['zip-stored', 'zip-deflate', 'zip-encrypted']);
function isPartialRecord(value) {
    return isNodeRecord(value) && isJsonObject(value.state);
}
function isArchiveRecord(value) {
    return (isJsonObject(value) &&
        typeof value.name === 'string' &&
        typeof value.runId === 'string' &&
        isCount(value.size) &&
        typeof value.digest === 'string' &&
        typeof value.packing === 'string' &&
        PACKINGS.has(value.packing) &&
        (value.cache === undefined || typeof value.cache === 'string') &&
        (value.pack === undefined || typeof value.pack === 'string'));
}
function isFileRecord(item) {
    if (!isJsonObject(item))
        return false;
    const value = item;
    return (typeof value.path === 'string' &&
        isCount(value.size) &&
        typeof value.sha256 === 'string' &&
        isCount(value.mode) &&
        (value.archive === undefined || typeof value.archive === 'string') &&
        (value.entry === undefined || isEntry(value.entry)) &&
        (value.link === undefined || typeof value.link === 'string'));
}
/** The ref a document carries. */
function refOf(document) {
    const { scope, attempt, sequence, node } = document;
    return { scope, attempt, sequence, node };
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:stream"
const external_node_stream_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");
;// CONCATENATED MODULE: external "node:stream/promises"
const external_node_stream_promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");
;// CONCATENATED MODULE: ./src/checkpoint/crypto.ts





const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** Bytes encryption adds to each object: its nonce and its authentication tag. */
const crypto_ENCRYPTION_OVERHEAD = NONCE_BYTES + TAG_BYTES;
/**
 * Derives a 32-byte key from any string with HKDF-SHA256: users pass a passphrase-like secret,
 * and signing and encryption never share a key.
 */
function deriveKey(secret, purpose) {
    return Buffer.from((0,external_node_crypto_namespaceObject.hkdfSync)('sha256', secret, 'checkpoint-action/v1', purpose, 32));
}
/** `hmac-sha256:<hex>` over a checkpoint's digest. */
function signDigest(digest, key) {
    return `hmac-sha256:${(0,external_node_crypto_namespaceObject.createHmac)('sha256', key).update(digest).digest('hex')}`;
}
/** True when `signature` is the HMAC of `digest` under `key` (compared in constant time). */
function signatureMatches(digest, signature, key) {
    if (signature === undefined)
        return false;
    const expected = Buffer.from(signDigest(digest, key));
    const given = Buffer.from(signature);
    return expected.length === given.length && (0,external_node_crypto_namespaceObject.timingSafeEqual)(expected, given);
}
/** AES-256-GCM with a fresh nonce: `nonce || ciphertext || tag`. */
function crypto_encryptBytes(plain, key) {
    const nonce = (0,external_node_crypto_namespaceObject.randomBytes)(NONCE_BYTES);
    const cipher = (0,external_node_crypto_namespaceObject.createCipheriv)('aes-256-gcm', key, nonce);
    return Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}
/** Reverses {@link encryptBytes}; throws when the bytes or the key are wrong. */
function decryptBytes(sealed, key) {
    const bytes = Buffer.from(sealed);
    if (bytes.length < crypto_ENCRYPTION_OVERHEAD)
        throw new Error('too short to be encrypted data');
    const decipher = (0,external_node_crypto_namespaceObject.createDecipheriv)('aes-256-gcm', key, bytes.subarray(0, NONCE_BYTES));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return Buffer.concat([
        decipher.update(bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES)),
        decipher.final()
    ]);
}
/**
 * Encrypts a stream of bytes in the layout of {@link encryptBytes}: the nonce (fresh each time),
 * the ciphertext as the plain bytes arrive, the tag last.
 */
async function* crypto_encryptChunks(plain, key) {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    yield nonce;
    for await (const bytes of plain) {
        const out = cipher.update(bytes);
        if (out.length > 0)
            yield out;
    }
    const last = cipher.final();
    if (last.length > 0)
        yield last;
    yield cipher.getAuthTag();
}
/**
 * Encrypts a file into another, streamed, in the layout of {@link encryptChunks}.
 * @returns the size and `sha256:<hex>` of the encrypted file
 */
async function encryptFile(from, to, key) {
    const hash = createHash('sha256');
    let size = 0;
    const counted = async function* () {
        for await (const bytes of crypto_encryptChunks(createReadStream(from), key)) {
            hash.update(bytes);
            size += bytes.length;
            yield bytes;
        }
    };
    await pipeline(counted(), createWriteStream(to, { mode: 0o600 }));
    return { size, sha256: `sha256:${hash.digest('hex')}` };
}
/** Decrypts a file written by {@link encryptFile}; throws when it was changed or the key is wrong. */
async function decryptFile(from, to, key) {
    const handle = await (0,promises_namespaceObject.open)(from, 'r');
    let nonce;
    let tag;
    let size;
    try {
        size = (await handle.stat()).size;
        if (size < crypto_ENCRYPTION_OVERHEAD)
            throw new Error('too short to be encrypted data');
        nonce = Buffer.alloc(NONCE_BYTES);
        tag = Buffer.alloc(TAG_BYTES);
        await handle.read(nonce, 0, NONCE_BYTES, 0);
        await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
    }
    finally {
        await handle.close();
    }
    const decipher = (0,external_node_crypto_namespaceObject.createDecipheriv)('aes-256-gcm', key, nonce);
    decipher.setAuthTag(tag);
    const body = size === crypto_ENCRYPTION_OVERHEAD
        ? external_node_stream_namespaceObject.Readable.from([])
        : (0,external_node_fs_namespaceObject.createReadStream)(from, { start: NONCE_BYTES, end: size - TAG_BYTES - 1 });
    await (0,external_node_stream_promises_namespaceObject.pipeline)(body, decipher, (0,external_node_fs_namespaceObject.createWriteStream)(to, { mode: 0o600 }));
}

;// CONCATENATED MODULE: ./src/checkpoint/codec.ts





/** Marks an encrypted checkpoint: its ref in clear (the artifact name shows it anyway), the rest sealed. */
const ENCRYPTED_KIND = 'checkpoint-action/encrypted';
/** A checkpoint that cannot be trusted with the keys given: unsigned, mis-signed, or not decryptable. */
class UntrustedCheckpointError extends CheckpointError {
    file;
    reason;
    constructor(file, reason) {
        super(`Checkpoint ${file} is not trusted: ${reason}`);
        this.file = file;
        this.reason = reason;
    }
}
/**
 * Turns checkpoints into text and back under the user's keys: with a signing key every document
 * carries an HMAC over its digest and only signed ones are read; with an encryption key the
 * whole document is sealed with AES-256-GCM.
 */
class CheckpointCodec {
    signing;
    encryption;
    constructor(keys = {}) {
        this.signing = keys.signingKey ? deriveKey(keys.signingKey, 'signing') : undefined;
        this.encryption = keys.encryptionKey ? deriveKey(keys.encryptionKey, 'encryption') : undefined;
    }
    /** The key files are encrypted with, when encryption is on. */
    get fileKey() {
        return this.encryption;
    }
    /** The text to store: signed and encrypted as the keys say. */
    encode(document) {
        const signed = this.signing
            ? { ...document, signature: signDigest(document.digest, this.signing) }
            : document;
        const text = serializeCheckpoint(signed);
        if (!this.encryption)
            return text;
        const envelope = {
            kind: ENCRYPTED_KIND,
            schema: 1,
            ...refOf(document),
            cipher: 'aes-256-gcm',
            data: crypto_encryptBytes(Buffer.from(text, 'utf8'), this.encryption).toString('base64')
        };
        return `${JSON.stringify(envelope, null, 2)}\n`;
    }
    /**
     * Reads stored text back into a verified checkpoint.
     * @throws CorruptCheckpointError, UnsupportedSchemaError or UntrustedCheckpointError
     */
    decode(text, source, expected) {
        let parsed = parseDocumentJson(text, source);
        if (isJsonObject(parsed.value) && parsed.value.kind === ENCRYPTED_KIND) {
            parsed = this.open(parsed.value, source);
        }
        const document = parseCheckpointValue(parsed.value, source, expected, parsed.stateText);
        if (this.signing && !signatureMatches(document.digest, document.signature, this.signing)) {
            const reason = document.signature
                ? 'its signature does not match the signing key'
                : 'it is not signed';
            throw new UntrustedCheckpointError(source, reason);
        }
        return document;
    }
    open(envelope, source) {
        if (!this.encryption) {
            throw new UntrustedCheckpointError(source, 'it is encrypted: give the encryption key (input encryption-key, or CHECKPOINT_ENCRYPTION_KEY for the CLI)');
        }
        try {
            const plain = decryptBytes(Buffer.from(String(envelope.data), 'base64'), this.encryption);
            return parseDocumentJson(plain.toString('utf8'), source);
        }
        catch (error) {
            if (error instanceof CheckpointError)
                throw error;
            throw new UntrustedCheckpointError(source, 'it does not decrypt with the encryption key (wrong key, or changed bytes)');
        }
    }
}

;// CONCATENATED MODULE: ./src/checkpoint/path-index.ts
/**
 * Workspace paths (`/` between folders) held by path, each found with whatever clashes with it
 * (the same path, one of its folders, or a path under it) in time proportional to the clashes
 * and the path's depth, not to how many paths are held: a save of 10,000 files over a checkpoint
 * of 10,000 more stays linear.
 */
class PathIndex {
    byPath = new Map();
    /** For each folder, the held paths under it (at any depth). */
    below = new Map();
    added = 0;
    constructor(items = []) {
        for (const item of items)
            this.set(item);
    }
    /** Holds `item` at its path, in place of what was there (which keeps its place in the order). */
    set(item) {
        const held = this.byPath.get(item.path);
        this.byPath.set(item.path, { item, order: held?.order ?? this.added++ });
        if (held)
            return;
        for (const folder of foldersOf(item.path)) {
            let under = this.below.get(folder);
            if (!under) {
                under = new Set();
                this.below.set(folder, under);
            }
            under.add(item.path);
        }
    }
    delete(path) {
        if (!this.byPath.delete(path))
            return;
        for (const folder of foldersOf(path))
            this.below.get(folder)?.delete(path);
    }
    /** The held items that cannot share a workspace with `path`, in the order they were added. */
    clashing(path) {
        const paths = [path, ...foldersOf(path), ...(this.below.get(path) ?? [])];
        return paths
            .map(held => this.byPath.get(held))
            .filter(held => held !== undefined)
            .sort((a, b) => a.order - b.order)
            .map(held => held.item);
    }
    /** Every held item, in the order they were added. */
    items() {
        return [...this.byPath.values()].map(held => held.item);
    }
}
/** The folders a path lies in, outermost first: `a/b/c` → `a`, `a/b`. */
function foldersOf(path) {
    const folders = [];
    for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
        folders.push(path.slice(0, slash));
    }
    return folders;
}

;// CONCATENATED MODULE: ./src/checkpoint/contribution.ts




const EMPTY = { nodes: [], state: {}, files: [] };
const NONE = new Set();
/**
 * Adds a node's part to a pipeline, its state keys and files winning. What it replaces of
 * another node's part is kept in that node's record. A partial part (a node stopped part-way)
 * adds its files only: its state is progress, not the node's result.
 *
 * `parallel` names the nodes saved while this one ran (parallel steps of one job). Between
 * those, the order they were saved in is chance, so it does not decide: a state key or a file
 * that several of them wrote keeps the value of the node whose id sorts last, and the others'
 * values are kept in their records as replaced, as if the nodes had been saved in id order.
 */
function addPart(pipeline, part, partial = false, parallel = NONE) {
    const nodes = pipeline.nodes.map(node => ({ ...node }));
    const outranks = outranking(part.record.id, parallel);
    const { files, removed, yielded } = mergeOwnFiles(pipeline.files, part.files, nodes, outranks);
    for (const file of removed)
        keepReplacedFile(nodes, file, part.record.id);
    if (partial)
        return { nodes, state: pipeline.state, files };
    const writers = currentWriters(nodes, part.state);
    const yieldedKeys = Object.keys(part.state).filter(key => outranks(writers.get(key)));
    const state = withoutKeys(part.state, yieldedKeys);
    keepReplacedState(pipeline.state, writers, part.record.id, new Set(yieldedKeys));
    const { replaced: _replaced, ...record } = part.record;
    const own = {
        ...record,
        added: additionsOf(part),
        ...replacedOf(pickKeys(part.state, yieldedKeys), yielded)
    };
    return { nodes: upsertNode(nodes, own), state: overlayStates(pipeline.state, state), files };
}
/**
 * Records in each earlier writer the values of the keys node `id` now replaces (all but the
 * `yielded` ones), gathered per writer first so that each record is rebuilt once, however many
 * keys it loses.
 */
function keepReplacedState(held, writers, id, yielded) {
    const lost = new Map();
    for (const [key, writer] of writers) {
        if (writer.id === id || !Object.hasOwn(held, key) || yielded.has(key))
            continue;
        const values = lost.get(writer) ?? [];
        values.push([key, held[key] ?? null]);
        lost.set(writer, values);
    }
    for (const [writer, values] of lost) {
        const state = mergeStates(writer.replaced?.state ?? {}, state_stateFromEntries(values));
        writer.replaced = { ...writer.replaced, state };
    }
}
/** Whether a writer is a parallel node whose id sorts after `id`, and so wins over it. */
function outranking(id, parallel) {
    return writer => writer !== undefined && parallel.has(writer.id) && writer.id > id;
}
/**
 * Merges a node's files over the pipeline's (see mergeFiles), except where a node that outranks
 * it wrote a clashing path: in id order that node came later and displaced the file, so the
 * file is `yielded` (even if the other node's file has given way since), and the outranking
 * node's file, if the pipeline still holds it, stays. What a yielded file had displaced stays
 * displaced, as in id order it would be.
 */
function mergeOwnFiles(held, own, nodes, outranks) {
    const merged = mergeFiles(held, own);
    // No node outranks this one (no parallel node): no file's writer need be looked up.
    if (!nodes.some(outranks))
        return { ...merged, yielded: [] };
    const winners = merged.removed.filter(file => outranks(writerOf(file, nodes)));
    const written = [
        ...held.filter(file => outranks(writerOf(file, nodes))),
        ...nodes.filter(node => outranks(node)).flatMap(node => node.replaced?.files ?? [])
    ];
    const writtenPaths = new PathIndex(written);
    const yielded = own.filter(file => writtenPaths.clashing(file.path).length > 0);
    if (yielded.length === 0)
        return { ...merged, yielded };
    const files = [...merged.files.filter(file => !yielded.includes(file)), ...winners];
    return {
        files: files.sort(comparePaths),
        removed: merged.removed.filter(file => !winners.includes(file)),
        yielded
    };
}
function replacedOf(state, files) {
    const replaced = {
        ...(Object.keys(state).length > 0 ? { state } : {}),
        ...(files.length > 0 ? { files } : {})
    };
    return replaced.state || replaced.files ? { replaced } : {};
}
function pickKeys(state, keys) {
    return state_stateFromEntries(keys.map(key => [key, state[key] ?? null]));
}
/** `state` without `keys`; `state` itself when there are none, so its JSON text is kept. */
function withoutKeys(state, keys) {
    if (keys.length === 0)
        return state;
    const dropped = new Set(keys);
    return pickKeys(state, Object.keys(state).filter(key => !dropped.has(key)));
}
function additionsOf(part) {
    const links = part.files.filter(file => file.link !== undefined).map(file => file.path);
    return { state: Object.keys(part.state), ...(links.length > 0 ? { links } : {}) };
}
/** The node whose value the cumulative state holds, for each key of `state` that has one. */
function currentWriters(nodes, state) {
    const writers = new Map();
    const wanted = Object.keys(state);
    if (wanted.length === 0)
        return writers;
    for (const node of [...nodes].sort(bySequence)) {
        const replaced = node.replaced?.state ?? {};
        for (const key of node.added?.state ?? []) {
            if (!Object.hasOwn(replaced, key))
                writers.set(key, node);
        }
    }
    const keys = new Set(wanted);
    for (const key of writers.keys())
        if (!keys.has(key))
            writers.delete(key);
    return writers;
}
function keepReplacedFile(nodes, file, by) {
    const writer = writerOf(file, nodes);
    if (!writer || writer.id === by)
        return;
    const files = (writer.replaced?.files ?? []).filter(kept => kept.path !== file.path);
    writer.replaced = { ...writer.replaced, files: [...files, file] };
}
/** The node that wrote a file: the node of its archive, or the last one that saved the link. */
function writerOf(file, nodes) {
    if (file.archive !== undefined) {
        const id = naming_parseArtifactName(file.archive)?.ref.node;
        return nodes.find(node => node.id === id);
    }
    return nodes
        .filter(node => node.added?.links?.includes(file.path))
        .filter(node => !node.replaced?.files?.some(kept => kept.path === file.path))
        .sort(bySequence)
        .at(-1);
}
function bySequence(a, b) {
    return a.sequence - b.sequence;
}
/** A node saved again keeps its place: the list stays in the order nodes were first done. */
function upsertNode(nodes, record) {
    const index = nodes.findIndex(node => node.id === record.id);
    if (index < 0)
        return [...nodes, record];
    return nodes.map((node, position) => (position === index ? record : node));
}
/**
 * Later files replace earlier ones at the same path, and earlier ones a later file shows were
 * replaced by a folder (or a folder replaced by a file): the newest node's view of the
 * workspace wins, so the manifest never lists a path as both. Sorted by path; `removed` are
 * the earlier records that gave way.
 */
function mergeFiles(earlier, later) {
    const held = new PathIndex(earlier);
    const fromLater = new Set(later);
    const removed = [];
    for (const file of later) {
        for (const old of held.clashing(file.path)) {
            held.delete(old.path);
            if (!fromLater.has(old))
                removed.push(old);
        }
        held.set(file);
    }
    return { files: held.items().sort(comparePaths), removed };
}
function comparePaths(a, b) {
    return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
/**
 * The parts of the nodes `ids` as a checkpoint records them, in the order they were written.
 * Nodes that do not record what they added (checkpoints of older versions) have no part.
 */
function partsOf(document, ids) {
    const byWriter = new Map();
    for (const file of document.files) {
        const writer = writerOf(file, document.nodes);
        if (writer)
            byWriter.set(writer.id, [...(byWriter.get(writer.id) ?? []), file]);
    }
    return document.nodes
        .filter(node => ids.has(node.id) && node.added !== undefined)
        .sort(bySequence)
        .map(node => ({
        record: node,
        state: valuesOf(node, document.state),
        files: [...(byWriter.get(node.id) ?? []), ...(node.replaced?.files ?? [])]
    }));
}
function valuesOf(node, state) {
    const replaced = node.replaced?.state ?? {};
    const values = [];
    for (const key of node.added?.state ?? []) {
        const from = Object.hasOwn(replaced, key) ? replaced : state;
        if (Object.hasOwn(from, key))
            values.push([key, from[key] ?? null]);
    }
    return stateFromEntries(values);
}
/**
 * The checkpoint with only the nodes `ids`: their state, files and archives, as if the other
 * nodes had never run. It keeps the checkpoint's name; partial progress is left out.
 */
function restrictTo(document, ids) {
    const pipeline = partsOf(document, new Set(ids)).reduce((built, part) => addPart(built, part), EMPTY);
    return sealCheckpoint({
        ...envelopeOf(document),
        ...pipeline,
        archives: archivesUsed(document.archives, pipeline)
    });
}
/**
 * Adds the nodes of `part` (a checkpoint restricted to them, from another run or the cache) to
 * the job's checkpoint: their records, state and files win over what `base` has of them.
 */
function mergeInto(base, part) {
    if (!base)
        return part;
    const ids = new Set(part.nodes.map(node => node.id));
    // An archive of the same name in base is a node taken again: its old files give way.
    const taken = new Set(part.archives.map(archive => archive.name));
    const start = {
        nodes: base.nodes,
        state: base.state,
        files: base.files.filter(file => !taken.has(file.archive ?? ''))
    };
    const pipeline = partsOf(part, ids).reduce((built, item) => addPart(built, item), start);
    const archives = [...base.archives.filter(archive => !taken.has(archive.name)), ...part.archives];
    const theirs = part.partials ?? [];
    const partials = [
        ...(base.partials ?? []).filter(partial => !ids.has(partial.id) && !theirs.some(their => their.id === partial.id)),
        ...theirs
    ];
    return sealCheckpoint({
        ...envelopeOf(base),
        sequence: Math.max(base.sequence, part.sequence),
        ...pipeline,
        archives: archivesUsed(archives, pipeline),
        ...(partials.length > 0 ? { partials } : {})
    });
}
/**
 * The progress a node recorded when it was stopped, alone: its partial record and the files of
 * its own archives, no node done and no state. Undefined when the checkpoint has none of it.
 */
function partialPart(document, id) {
    const partial = document.partials?.find(item => item.id === id);
    if (!partial)
        return undefined;
    const files = document.files.filter(file => file.archive !== undefined && parseArtifactName(file.archive)?.ref.node === id);
    const pipeline = { nodes: [], state: {}, files };
    return sealCheckpoint({
        ...envelopeOf(document),
        ...pipeline,
        archives: archivesUsed(document.archives, pipeline),
        partials: [partial]
    });
}
function envelopeOf(document) {
    const { kind, schema, scope, node, sequence, attempt, run, createdAt, parent } = document;
    return {
        kind,
        schema,
        scope,
        node,
        sequence,
        attempt,
        run,
        createdAt,
        ...(parent ? { parent } : {})
    };
}
/** The archives that files of the pipeline, replaced ones included, are in. */
function archivesUsed(archives, pipeline) {
    const used = new Set();
    for (const file of pipeline.files)
        if (file.archive)
            used.add(file.archive);
    for (const node of pipeline.nodes) {
        for (const file of node.replaced?.files ?? [])
            if (file.archive)
                used.add(file.archive);
    }
    return archives.filter(archive => used.has(archive.name));
}

;// CONCATENATED MODULE: ./src/checkpoint/progress.ts



/**
 * The checkpoint after a node: the previous one (`base`) extended with the node's state, files
 * and record. The sequence follows the base's, so (attempt, sequence) orders checkpoints even
 * when attempts restore from different bases.
 */
function nextCheckpoint(base, result) {
    const now = (result.now ?? new Date()).toISOString();
    const sequence = (base?.sequence ?? 0) + 1;
    const record = {
        id: result.node,
        sequence,
        attempt: result.run.attempt,
        runId: result.run.runId,
        savedAt: now,
        ...(result.durationMs === undefined ? {} : { durationMs: Math.round(result.durationMs) }),
        ...(result.fingerprint === undefined ? {} : { fingerprint: result.fingerprint })
    };
    const pipeline = addPart({ nodes: base?.nodes ?? [], state: base?.state ?? {}, files: base?.files ?? [] }, { record, state: result.state, files: result.files ?? [] }, result.partial === true, savedWhileRunning(base, result));
    const archives = [...(base?.archives ?? []), ...(result.archive ? [result.archive] : [])];
    const partials = (base?.partials ?? []).filter(partial => partial.id !== result.node);
    const body = {
        kind: CHECKPOINT_KIND,
        schema: SCHEMA_VERSION,
        scope: result.scope,
        node: result.node,
        sequence,
        attempt: result.run.attempt,
        run: result.run,
        createdAt: now,
        ...(base ? { parent: checkpointName(base) } : {}),
        ...pipeline,
        archives: archivesUsed(archives, pipeline)
    };
    if (result.partial)
        partials.push({ ...partialOf(record), state: result.state });
    return document_sealCheckpoint(partials.length > 0 ? { ...body, partials } : body);
}
/** Ids of the nodes of the same attempt saved after `result`'s step started. */
function savedWhileRunning(base, result) {
    const { startedAt, run, node } = result;
    if (startedAt === undefined || !base)
        return new Set();
    const since = base.nodes.filter(done => done.runId === run.runId &&
        done.attempt === run.attempt &&
        Date.parse(done.savedAt) > startedAt.getTime() &&
        done.id !== node);
    return new Set(since.map(done => done.id));
}
function partialOf(record) {
    const { id, sequence, attempt, runId, savedAt, fingerprint } = record;
    return { id, sequence, attempt, runId, savedAt, ...(fingerprint ? { fingerprint } : {}) };
}
/**
 * The checkpoint as this attempt should build on it when some nodes must run again: those
 * nodes are no longer done (their files and the cumulative state stay).
 */
function withoutNodes(document, ids) {
    const drop = new Set(ids);
    return sealCheckpoint({ ...document, nodes: document.nodes.filter(node => !drop.has(node.id)) });
}
/** Ids of the nodes a checkpoint records as stopped part-way. */
function partialNodes(document) {
    return (document?.partials ?? []).map(partial => partial.id);
}
/** Ids of the nodes a checkpoint records as done, in the order they were first done. */
function completedNodes(document) {
    return (document?.nodes ?? []).map(node => node.id);
}

;// CONCATENATED MODULE: ./src/checkpoint/units.ts
// Sizes, durations and rates as the log, the job summary and the CLI write them for people.
/** Bytes as people read them: `812 B`, `1.5 KiB`, `256.0 MiB`. */
function formatBytes(bytes) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit] ?? ''}`;
}
/** Milliseconds for people: `850 ms`, `12.3 s`, `4 min 05 s`; `–` when unknown. */
function formatDuration(ms) {
    if (ms === undefined)
        return '–';
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    if (ms < 60_000)
        return `${(ms / 1000).toFixed(1)} s`;
    const minutes = Math.floor(ms / 60_000);
    const seconds = Math.round((ms % 60_000) / 1000);
    return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
}
/** A transfer rate in MiB/s, one decimal: `52.3 MiB/s`. */
function formatRate(bytesPerSecond) {
    return `${(Math.max(0, bytesPerSecond) / (1024 * 1024)).toFixed(1)} MiB/s`;
}

;// CONCATENATED MODULE: ./src/checkpoint/time-saved.ts

/**
 * How a node's recorded duration was measured: a `run` node records its command's own time (its
 * fingerprint holds the command); a `save` node records the time since the job's previous
 * checkpoint step ended, which may include steps that are not the node's work.
 */
function workOf(node) {
    return { durationMs: node.durationMs, measured: node.fingerprint?.command !== undefined };
}
/**
 * The time saved by not running `work` again: the one figure the notice, the job summary and the
 * demo give.
 */
function timeSaved(work) {
    const saved = { totalMs: 0, measuredMs: 0, estimatedMs: 0 };
    for (const { durationMs = 0, measured } of work) {
        saved.totalMs += durationMs;
        if (measured)
            saved.measuredMs += durationMs;
        else
            saved.estimatedMs += durationMs;
    }
    return saved;
}
const ESTIMATE = 'the time since the previous checkpoint step, which may include setup steps that run again anyway';
/** The figure in words: `about 1 min 05 s of work not repeated (...how it was measured)`. */
function describeTimeSaved(saved) {
    const figure = `about ${formatDuration(saved.totalMs)} of work not repeated`;
    if (saved.totalMs === 0)
        return figure;
    if (saved.estimatedMs === 0)
        return `${figure} (the commands' own time)`;
    if (saved.measuredMs === 0)
        return `${figure} (an estimate: ${ESTIMATE})`;
    return (`${figure} (${formatDuration(saved.measuredMs)} of command time, ` +
        `${formatDuration(saved.estimatedMs)} estimated as ${ESTIMATE})`);
}

;// CONCATENATED MODULE: ./src/packing/packing-errors.ts

/** An archive that does not match its checkpoint's manifest: tampered, truncated or hostile. */
class packing_errors_ArchiveIntegrityError extends CheckpointError {
    archive;
    reason;
    constructor(archive, reason) {
        super(`Archive ${archive} was refused: ${reason}`);
        this.archive = archive;
        this.reason = reason;
    }
}
/** A zip the streaming reader does not take; the caller falls back to reading it whole. */
class packing_errors_UnstreamableZipError extends Error {
}
/** The refusal of one entry of `archive`, named as the zip names it. */
function entryRefusal(archive, name, reason) {
    return new packing_errors_ArchiveIntegrityError(archive, `entry ${JSON.stringify(name)} ${reason}`);
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: ./src/packing/limit.ts
/** Files up to this size are read, packed and written whole rather than streamed. */
const limit_SMALL_FILE = 1024 * 1024;
/**
 * A zip (or a pack of them) up to this size is read into memory once and extracted from there:
 * entry by entry from disk, each small file costs several reads one after the other.
 */
const limit_ZIP_IN_MEMORY = 32 * 1024 * 1024;
/** File operations in flight at once for many small files: enough to keep the disk busy. */
const limit_FILE_CONCURRENCY = 16;
/**
 * Runs `task` on the items of `items` as they come, at most `limit` at a time: the one shape
 * of work in flight together (file operations, an upload's blocks). The next item is asked for
 * only when a task is free, so a source that makes its items on demand (an upload's blocks, read from a stream)
 * never runs more than `limit` ahead of the requests. The first failure, of a task or of the
 * source, stops the asking; it is thrown once the tasks already started have settled, so no
 * request is left running behind the caller's back.
 */
async function forEachBounded(items, limit, task) {
    const source = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
    let failure;
    const worker = async () => {
        while (failure === undefined) {
            try {
                const next = await source.next();
                if (next.done === true)
                    return;
                await task(next.value);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, limit) }, worker));
    if (failure === undefined)
        return;
    try {
        // Lets a generator that is still open run its `finally` (closing the file it reads).
        await source.return?.();
    }
    catch {
        // The first failure is the one to report.
    }
    throw failure.error;
}
/**
 * Maps `items` through `task`, at most `limit` at a time, results in the order of `items`. The
 * first failure rejects once the tasks already started have settled.
 */
async function mapLimit(items, limit, task) {
    const results = new Array(items.length);
    await forEachBounded(items.keys(), Math.min(limit, items.length), async (index) => {
        results[index] = await task(items[index], index);
    });
    return results;
}

;// CONCATENATED MODULE: ./src/packing/workspace-paths.ts


/**
 * The path functions of the OS the step runs on: Windows' (drive letters, backslashes, names
 * compared ignoring case) or POSIX's. Every function here takes the platform, defaulting to this
 * process's, so that each OS's rules are tested on any machine.
 */
function pathsOf(platform = process.platform) {
    return platform === 'win32' ? (external_node_path_default()).win32 : (external_node_path_default()).posix;
}
/** True when `target` is `root` or below it (both absolute and resolved). */
function isInside(root, target, platform = process.platform) {
    const paths = pathsOf(platform);
    const fromRoot = paths.relative(root, target);
    return (fromRoot === '' ||
        (!fromRoot.startsWith(`..${paths.sep}`) && fromRoot !== '..' && !paths.isAbsolute(fromRoot)));
}
/**
 * Resolves a user-given path against the workspace and refuses one that lands outside it: `..`,
 * another absolute path, another drive, a UNC share.
 * @param input the input that gave the path, for the error message
 * @throws InvalidInputError
 */
function resolveInside(workspace, given, input, platform = process.platform) {
    const absolute = pathsOf(platform).resolve(workspace, given);
    if (!isInside(workspace, absolute, platform)) {
        throw new InvalidInputError(input, given, `must be inside the workspace ${workspace}`);
    }
    return absolute;
}
/** The workspace-relative form of an absolute path inside it, as checkpoints store it: `/`. */
function toRelative(workspace, absolute, platform = process.platform) {
    const fromWorkspace = pathsOf(platform).relative(workspace, absolute);
    return fromWorkspace.split(pathsOf(platform).sep).join('/');
}
/** A link's target as checkpoints store it: with `/` (Windows writes `\`). */
function portableLinkTarget(target, platform = process.platform) {
    return platform === 'win32' ? target.replace(/\\/g, '/') : target;
}
/** A stored link target as the OS writes it: Windows' links need `\` to resolve. */
function nativeLinkTarget(target, platform = process.platform) {
    return platform === 'win32' ? target.replace(/\//g, '\\') : target;
}

;// CONCATENATED MODULE: ./src/packing/small-io.ts

// Small files are read with one synchronous call on this thread, and calls that only touch
// names (lstat, chmod, rename) are made the same way. Each costs a few microseconds of the
// kernel's time; through fs/promises the same call also pays a trip to libuv's thread pool and
// back, and readFile an fstat and a read loop. For 1,000 files of 1 KiB on a runner-like disk:
// reading 16-25 ms this way against 186-206 ms that way; lstat 7-20 ms against 53-58 ms; chmod
// and rename 20-28 ms. Creating a file is different: the kernel's own cost (about 0.5 ms a file
// here) dominates, and the thread pool runs creations on both cores, so writes stay asynchronous.
// Large files stay asynchronous too, so the event loop (an upload) is never held up for long.
/** Files up to this size are read here, at once. */
const small_io_SYNC_FILE = (/* unused pure expression or super */ null && (64 * 1024));
/** The bytes of a small file, read at once (a failure rejects, as fs/promises would). */
function small_io_readSmallFile(file) {
    return new Promise(resolve => {
        resolve(readFileSync(file));
    });
}
/** What is at `path` (a link not followed), or undefined when nothing is. */
function statIfAny(path) {
    try {
        return (0,external_node_fs_namespaceObject.lstatSync)(path);
    }
    catch {
        return undefined;
    }
}
/** Where `folder` really is (links resolved), or undefined when it cannot be resolved. */
function realFolder(folder) {
    try {
        return external_node_fs_namespaceObject.realpathSync.native(folder);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/packing/staged-path.ts



/**
 * Where a file waits in a staging folder before it is moved into the workspace: under a flat
 * name made from its path, not at its path. Creating a folder costs as much as creating a file,
 * so a restore of 1,000 files in 1,000 folders made every folder twice (in staging, then in the
 * workspace) when staging mirrored the paths; now it makes them once. The names are spread over
 * up to 16 subfolders (their first hex digit): files created at once in one folder wait for each
 * other (the file system locks a folder for each creation), and 1,000 files of 4 KiB were staged
 * and placed in 295-389 ms this way against 478-576 ms in one folder. No staged name leads out
 * of the staging folder, whatever the path. Two files never meet here: a checkpoint whose
 * manifest lists a path twice, or a file where another needs a folder, is refused when read.
 */
function staged_path_stagedPath(staging, path) {
    const name = (0,external_node_crypto_namespaceObject.createHash)('sha256').update(path, 'utf8').digest('hex').slice(0, 40);
    return (0,external_node_path_namespaceObject.join)(staging, name.slice(0, 1), name.slice(1));
}
/**
 * Where a file is staged to be written: {@link stagedPath}, with its folder (and the staging
 * folder above it) made unless `made`, the folders made so far, kept by the caller, has it.
 */
function makeStagedPath(staging, path, made) {
    const target = staged_path_stagedPath(staging, path);
    const folder = (0,external_node_path_namespaceObject.dirname)(target);
    if (!made.has(folder)) {
        (0,external_node_fs_namespaceObject.mkdirSync)(folder, { recursive: true });
        made.add(folder);
    }
    return target;
}

;// CONCATENATED MODULE: ./src/packing/place.ts









/** A restore that would write outside the workspace (through a link or a link target). */
class PathEscapeError extends CheckpointError {
}
/**
 * Moves verified files from `staging` into the workspace, replacing what is at their paths,
 * with their recorded modes, and recreates links. See {@link placeAll}.
 */
async function placeFiles(staging, files, workspace) {
    const placements = files.map(file => ({
        file,
        from: file.link === undefined ? stagedPath(staging, file.path) : undefined
    }));
    await placeAll(placements, workspace);
}
/**
 * Puts files in place under `workspace`. Everything is checked before anything is written:
 * every folder on the way is a real folder inside the workspace (a link already there cannot
 * lead a write outside), nothing is in the way, and every link target stays inside. Regular
 * files go first and links last, so no file is written through a link this restore makes;
 * links are then resolved for real, and all of them are removed again if one leads out.
 */
async function placeAll(placements, workspace) {
    const root = await (0,promises_namespaceObject.realpath)(workspace);
    const folders = new FolderWalk(root);
    await mapLimit(placements, limit_FILE_CONCURRENCY, placement => checkPlacement(root, placement.file, folders));
    const regular = placements.filter(({ file, from }) => file.link === undefined && from);
    await mapLimit(regular, limit_FILE_CONCURRENCY, async ({ file, from }) => {
        const target = (0,external_node_path_namespaceObject.join)(root, file.path);
        await folders.make((0,external_node_path_namespaceObject.dirname)(file.path));
        await moveFile(from ?? '', target, file.mode & 0o777);
    });
    const links = placements.filter(placement => placement.file.link !== undefined);
    for (const { file } of links) {
        const target = (0,external_node_path_namespaceObject.join)(root, file.path);
        await folders.make((0,external_node_path_namespaceObject.dirname)(file.path));
        await (0,promises_namespaceObject.rm)(target, { force: true });
        await (0,promises_namespaceObject.symlink)(nativeLinkTarget(file.link ?? ''), target);
    }
    await checkLinks(root, links.map(placement => placement.file));
}
async function checkPlacement(root, file, folders) {
    const refuse = (reason) => {
        throw new PathEscapeError(`Refused to restore ${file.path}: ${reason}`);
    };
    // Checked for this OS too: a name Windows would write elsewhere (`a.`, `a:b`, `con`).
    const unsafe = unsafePathReason(file.path, process.platform);
    if (unsafe)
        refuse(`its path ${unsafe}`);
    const problem = await folders.check((0,external_node_path_namespaceObject.dirname)(file.path));
    if (problem)
        refuse(problem);
    const existing = statIfAny((0,external_node_path_namespaceObject.join)(root, file.path));
    if (existing?.isDirectory())
        refuse('a folder of that name is in the way');
    if (file.link !== undefined &&
        !isInside(root, (0,external_node_path_namespaceObject.resolve)((0,external_node_path_namespaceObject.join)(root, (0,external_node_path_namespaceObject.dirname)(file.path)), nativeLinkTarget(file.link)))) {
        refuse(`it is a link to ${file.link}, which leads outside the workspace`);
    }
}
/**
 * The folders on the way to the files, each looked at once however many files lie under it:
 * `check` before anything is written (a link already there cannot lead a write outside), and
 * `make` to create the missing ones one at a time, each under a checked real folder.
 */
class FolderWalk {
    root;
    checked = new Map();
    made = new Map();
    constructor(root) {
        this.root = root;
    }
    /** Why files cannot go under `relative`, or undefined when they can. */
    check(relative) {
        if (relative === '.' || relative === '')
            return Promise.resolve(undefined);
        let result = this.checked.get(relative);
        if (!result) {
            result = this.check((0,external_node_path_namespaceObject.dirname)(relative)).then(problem => {
                if (problem)
                    return problem;
                return this.checkOne(relative);
            });
            this.checked.set(relative, result);
        }
        return result;
    }
    checkOne(relative) {
        const folder = (0,external_node_path_namespaceObject.join)(this.root, relative);
        const segment = (0,external_node_path_namespaceObject.basename)(relative);
        const stats = statIfAny(folder);
        if (!stats)
            return undefined;
        if (stats.isSymbolicLink()) {
            const real = realFolder(folder);
            if (real === undefined || !isInside(this.root, real))
                return `its folder ${segment} is a link that leads outside the workspace`;
        }
        else if (!stats.isDirectory()) {
            return `a file is in the way of its folder ${segment}`;
        }
        return undefined;
    }
    make(relative) {
        if (relative === '.' || relative === '')
            return Promise.resolve();
        let made = this.made.get(relative);
        if (!made) {
            made = this.make((0,external_node_path_namespaceObject.dirname)(relative)).then(() => this.makeOne(relative));
            this.made.set(relative, made);
        }
        return made;
    }
    async makeOne(relative) {
        const folder = (0,external_node_path_namespaceObject.join)(this.root, relative);
        try {
            await (0,promises_namespaceObject.mkdir)(folder);
        }
        catch (error) {
            if (error.code !== 'EEXIST')
                throw error;
        }
        const real = external_node_fs_namespaceObject.realpathSync.native(folder);
        if (!isInside(this.root, real))
            throw new PathEscapeError(`Refused to write under ${relative}: it leads outside the workspace`);
    }
}
/** Links resolved for real (chains included) must stay inside; else none of them stays. */
async function checkLinks(root, links) {
    for (const link of links) {
        const real = await (0,promises_namespaceObject.realpath)((0,external_node_path_namespaceObject.join)(root, link.path)).catch(() => undefined);
        if (real === undefined || isInside(root, real))
            continue;
        await Promise.all(links.map(item => (0,promises_namespaceObject.rm)((0,external_node_path_namespaceObject.join)(root, item.path), { force: true })));
        throw new PathEscapeError(`Refused to restore link ${link.path}: through other links it leads outside the workspace`);
    }
}
/**
 * Gives a staged file its `mode`, then renames it over whatever file or link is at `to` (it
 * appears there complete, in one rename), or copies it where staging and workspace are on
 * different file systems (after removing what is there: a copy would follow a link). The
 * calls that only touch names are made at once (small-io.ts says why).
 */
async function moveFile(from, to, mode) {
    (0,external_node_fs_namespaceObject.chmodSync)(from, mode);
    try {
        (0,external_node_fs_namespaceObject.renameSync)(from, to);
    }
    catch (error) {
        if (error.code !== 'EXDEV')
            throw error;
        await (0,promises_namespaceObject.rm)(to, { force: true });
        await (0,promises_namespaceObject.copyFile)(from, to);
        await (0,promises_namespaceObject.rm)(from, { force: true });
    }
}

;// CONCATENATED MODULE: ./src/checkpoint/manager.ts







/** Marks a document holding every checkpoint of a scope (the seed's full state export). */
const EXPORT_KIND = 'checkpoint-action/export';
/** The export document of a scope's checkpoints, stamped with when it was made. */
function exportDocument(scope, checkpoints, exportedAt) {
    return { kind: EXPORT_KIND, schema: 1, scope, exportedAt: exportedAt.toISOString(), checkpoints };
}
/**
 * Checkpoints of one scope in one store: the seed's CheckpointManager without its defects.
 * "Latest" is decided from names by (attempt, sequence), so finding it reads no file; loading
 * verifies the digest; writes are atomic in the store.
 */
class CheckpointManager {
    store;
    scope;
    run;
    codec;
    constructor(store, options = {}) {
        this.store = store;
        this.scope = validateId('scope', options.scope ?? 'default');
        this.run = options.run ?? { runId: 'local', attempt: 1 };
        this.codec = options.codec ?? new CheckpointCodec();
    }
    /** This scope's checkpoints, oldest first. */
    async list() {
        const refs = (await this.store.listNames())
            .map(name => parseCheckpointName(name))
            .filter((ref) => ref?.scope === this.scope);
        return refs.sort(compareRefs);
    }
    /** The newest checkpoint, or the newest of one node; reads no file. */
    async latest(node) {
        const refs = await this.list();
        return refs.filter(ref => node === undefined || ref.node === node).at(-1);
    }
    /**
     * Loads and verifies one checkpoint.
     * @throws CheckpointNotFoundError, CorruptCheckpointError or UnsupportedSchemaError
     */
    async load(target) {
        const name = typeof target === 'string' ? target : checkpointName(target);
        const ref = typeof target === 'string' ? parseCheckpointName(target) : target;
        if (!ref)
            throw new CorruptCheckpointError(name, 'its name is not a checkpoint name');
        const text = await this.store.readText(name);
        return this.codec.decode(text, `${this.store.location}/${name}`, ref);
    }
    /**
     * The newest checkpoint that loads and verifies, newest first, passing over bad ones (each
     * reported to `onSkip`): a corrupt latest checkpoint falls back to the previous good one.
     */
    async latestValid(options = {}) {
        const refs = (await this.list()).filter(ref => !options.node || ref.node === options.node);
        for (const ref of refs.reverse()) {
            try {
                return await this.load(ref);
            }
            catch (error) {
                if (!(error instanceof CheckpointError))
                    throw error;
                options.onSkip?.({ ref, error });
            }
        }
        return undefined;
    }
    /**
     * Records `node` as done with its state, extending the latest valid checkpoint, and writes it.
     * @returns the new checkpoint
     * @throws InvalidInputError for a bad node id, or a state nested too deep or holding a key
     *   named `__proto__`, `constructor` or `prototype` (no checkpoint could be read back)
     */
    async create(node, state, extra = {}) {
        validateId('node', node);
        const problem = stateProblem(state);
        if (problem)
            throw new errors_InvalidInputError('state', JSON.stringify(state), problem);
        const base = await this.latestValid();
        const document = nextCheckpoint(base, {
            scope: this.scope,
            node,
            run: { ...this.run, attempt: Math.max(this.run.attempt, base?.attempt ?? 1) },
            state,
            ...extra
        });
        await this.store.writeText(checkpointName(document), this.codec.encode(document));
        return document;
    }
    /** Every valid checkpoint of the scope in one document; bad ones are left out. */
    async exportAll(now = new Date()) {
        const checkpoints = [];
        for (const ref of await this.list())
            checkpoints.push(await this.load(ref));
        return exportDocument(this.scope, checkpoints, now);
    }
    /**
     * Writes every checkpoint of an export into the store, each verified first; one that is
     * already there with the same digest is left alone, one that differs is refused.
     * @returns the refs written
     */
    async importAll(data, source = 'import') {
        const checkpoints = readExport(data, source);
        const existing = new Set(await this.store.listNames());
        const written = [];
        for (const [index, raw] of checkpoints.entries()) {
            const document = parseCheckpointValue(JSON.parse(JSON.stringify(raw)), `${source} checkpoint #${index + 1}`);
            if (document.scope !== this.scope)
                continue;
            const name = checkpointName(document);
            if (existing.has(name)) {
                if ((await this.load(name)).digest !== document.digest) {
                    throw new CorruptCheckpointError(`${this.store.location}/${name}`, `differs from ${source}`);
                }
                continue;
            }
            await this.store.writeText(name, this.codec.encode(document));
            written.push(document);
        }
        return written;
    }
}
function readExport(data, source) {
    const value = data;
    if (value?.kind !== EXPORT_KIND || !Array.isArray(value.checkpoints)) {
        throw new CorruptCheckpointError(source, `not an export (no "kind": "${EXPORT_KIND}")`);
    }
    return value.checkpoints;
}

;// CONCATENATED MODULE: ./src/offline/local-directory-store.ts






/**
 * Checkpoints as files in one directory. Writes go to a temporary file that is flushed to disk
 * and renamed over the target, then the directory is flushed: a crash leaves the old file or the
 * new one, never half of one.
 */
class LocalDirectoryStore {
    location;
    constructor(location) {
        this.location = location;
    }
    async listNames() {
        try {
            return (await (0,promises_namespaceObject.readdir)(this.location)).filter(name => !name.startsWith('.'));
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return [];
            throw error;
        }
    }
    async readText(name) {
        const file = (0,external_node_path_namespaceObject.join)(this.location, name);
        try {
            return decodeUtf8(await (0,promises_namespaceObject.readFile)(file), file);
        }
        catch (error) {
            if (error.code === 'ENOENT')
                throw new CheckpointNotFoundError(file);
            throw error;
        }
    }
    async writeText(name, text) {
        const file = (0,external_node_path_namespaceObject.join)(this.location, name);
        const temporary = (0,external_node_path_namespaceObject.join)(this.location, `.${name}.${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}.tmp`);
        try {
            await (0,promises_namespaceObject.mkdir)(this.location, { recursive: true });
            await writeDurably(temporary, text);
            await (0,promises_namespaceObject.rename)(temporary, file);
            await syncDirectory(this.location);
        }
        catch (error) {
            await (0,promises_namespaceObject.rm)(temporary, { force: true }).catch(() => undefined);
            throw new CheckpointWriteError(file, error);
        }
    }
}
async function writeDurably(file, text) {
    const handle = await (0,promises_namespaceObject.open)(file, external_node_fs_namespaceObject.constants.O_WRONLY | external_node_fs_namespaceObject.constants.O_CREAT | external_node_fs_namespaceObject.constants.O_EXCL, 0o644);
    try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
    }
    finally {
        await handle.close();
    }
}
/** Flushes a directory entry (the rename); not every platform allows it, which is harmless. */
async function syncDirectory(directory) {
    try {
        const handle = await (0,promises_namespaceObject.open)(directory, external_node_fs_namespaceObject.constants.O_RDONLY);
        try {
            await handle.sync();
        }
        finally {
            await handle.close();
        }
    }
    catch {
        // Windows cannot open a directory for syncing; the rename itself is still atomic.
    }
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/offline/offline-errors.ts

/** A command line the CLI cannot act on: unknown option, missing argument, bad value. */
class UsageError extends CheckpointError {
}
/** Something the user named, or the source should hold, is not there. */
class NotFoundError extends CheckpointError {
}
/** Bytes that do not match what was recorded for them (a verify that failed, a bad download). */
class IntegrityError extends CheckpointError {
}

;// CONCATENATED MODULE: ./src/packing/meter.ts




/**
 * Counts and hashes the bytes that pass, and fails the stream with `onOverflow`'s error once
 * more than `limit` bytes went by: a size recorded in a manifest bounds what is ever written.
 */
class ByteMeter extends external_node_stream_namespaceObject.Transform {
    limit;
    onOverflow;
    onBytes;
    bytes = 0;
    hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    constructor(limit = Number.POSITIVE_INFINITY, onOverflow = () => new Error(`more than ${limit} bytes`), onBytes) {
        super();
        this.limit = limit;
        this.onOverflow = onOverflow;
        this.onBytes = onBytes;
    }
    _transform(chunk, _encoding, callback) {
        this.bytes += chunk.length;
        if (this.bytes > this.limit) {
            callback(this.onOverflow());
            return;
        }
        this.hash.update(chunk);
        this.onBytes?.(this.bytes);
        callback(null, chunk);
    }
    /** `sha256:<hex>` of everything that passed; call once, at the end. */
    digest() {
        return `sha256:${this.hash.digest('hex')}`;
    }
}
/** The size and `sha256:<hex>` of a file, streamed. */
async function hashFile(path) {
    const meter = new ByteMeter();
    await (0,external_node_stream_promises_namespaceObject.pipeline)((0,external_node_fs_namespaceObject.createReadStream)(path), meter, discard());
    return { bytes: meter.bytes, digest: meter.digest() };
}
/** A sink for streams whose bytes only a meter needs. */
function discard() {
    return new external_node_stream_namespaceObject.Writable({
        write(_chunk, _encoding, callback) {
            callback();
        }
    });
}

;// CONCATENATED MODULE: ./src/offline/source.ts




/**
 * Checkpoints as downloaded from a run page: documents, files archives and the problems met
 * reading them, with the questions every command asks of them.
 */
class CheckpointSource {
    location;
    archivesByName;
    problems;
    temporary;
    /** Every checkpoint found: by scope, then oldest first by (attempt, sequence). */
    checkpoints;
    constructor(
    /** The path the source was read from. */
    location, checkpoints, archivesByName, problems, temporary = []) {
        this.location = location;
        this.archivesByName = archivesByName;
        this.problems = problems;
        this.temporary = temporary;
        this.checkpoints = [...checkpoints].sort(byRefThenValidity);
    }
    /** The files archives found, by name. */
    get archives() {
        return [...this.archivesByName.values()];
    }
    /** The documents that verified, oldest first. */
    get valid() {
        return this.checkpoints.flatMap(found => (found.document ? [found.document] : []));
    }
    /** A files archive by its artifact name. */
    archive(name) {
        return this.archivesByName.get(name);
    }
    /** Names of the archives a document's files live in that the source does not hold. */
    missingArchives(document) {
        return archivesOf(document).filter(name => !this.archivesByName.has(name));
    }
    /** What `list` says of a checkpoint. */
    status(found) {
        if (found.error instanceof UnsupportedSchemaError)
            return 'newer-schema';
        if (found.error instanceof UntrustedCheckpointError)
            return 'untrusted';
        if (!found.document)
            return 'corrupt';
        return this.missingArchives(found.document).length > 0 ? 'files-missing' : 'valid';
    }
    /**
     * Every file an archive holds, as recorded: the archive's own checkpoint lists all of them
     * (later checkpoints drop the paths a later node replaced), else the newest records wins.
     */
    manifest(archive) {
        const byPath = new Map();
        for (const document of this.documentsRecording(archive)) {
            for (const file of document.files) {
                if (file.archive === archive && file.link === undefined && !byPath.has(file.path)) {
                    byPath.set(file.path, file);
                }
            }
        }
        return [...byPath.values()];
    }
    /** What the checkpoints recorded of an archive at upload (size, digest), if any did. */
    archiveRecord(archive) {
        for (const document of this.documentsRecording(archive)) {
            const record = document.archives.find(item => item.name === archive);
            if (record)
                return record;
        }
        return undefined;
    }
    /**
     * The pack artifact a checkpoint recorded an archive in (`ArchiveRecord.pack`), if any did:
     * what to download when the archive is missing. Documents written before it was packed do
     * not say, so every document is asked.
     */
    packOf(archive) {
        for (const document of this.valid.reverse()) {
            const pack = document.archives.find(record => record.name === archive)?.pack;
            if (pack !== undefined)
                return pack;
        }
        return undefined;
    }
    /** Removes what reading the source extracted to temporary folders. */
    async close() {
        const folders = this.temporary.splice(0);
        await Promise.all(folders.map(folder => (0,promises_namespaceObject.rm)(folder, { recursive: true, force: true })));
    }
    /** The archive's own checkpoint first, then the others newest first. */
    documentsRecording(archive) {
        const documents = this.valid.reverse();
        const own = documents.filter(document => filesArchiveName(document) === archive);
        return [...own, ...documents.filter(document => filesArchiveName(document) !== archive)];
    }
}
/** The archives a document's files live in, in manifest order, each once. */
function archivesOf(document) {
    const names = document.files.flatMap(file => file.link === undefined && file.archive !== undefined ? [file.archive] : []);
    return [...new Set(names)];
}
function byRefThenValidity(a, b) {
    if (!a.ref || !b.ref)
        return (a.ref ? 1 : 0) - (b.ref ? 1 : 0);
    const scopes = a.ref.scope < b.ref.scope ? -1 : a.ref.scope > b.ref.scope ? 1 : 0;
    return scopes || compareRefs(a.ref, b.ref) || (a.document ? 0 : 1) - (b.document ? 0 : 1);
}

;// CONCATENATED MODULE: external "node:events"
const external_node_events_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");
;// CONCATENATED MODULE: ./src/packing/central-directory.ts

/** How much of a zip's end is fetched first: its end records and, mostly, its directory. */
const TAIL_BYTES = 256 * 1024;
const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const MAX32 = 0xffffffff;
/**
 * Finds the central directory from the last bytes of a zip (`tail` starts at `tailStart`).
 * @throws UnstreamableZipError when the end records are not in the tail or do not add up
 */
function locateDirectory(tail, tailStart, size) {
    const at = endRecordAt(tail);
    let count = tail.readUInt16LE(at + 10);
    let length = tail.readUInt32LE(at + 12);
    let start = tail.readUInt32LE(at + 16);
    let end = tailStart + at;
    if (count === 0xffff || length === MAX32 || start === MAX32) {
        const record = zip64EndRecordAt(tail, at, tailStart);
        count = Number(tail.readBigUInt64LE(record + 32));
        length = Number(tail.readBigUInt64LE(record + 40));
        start = Number(tail.readBigUInt64LE(record + 48));
        end = tailStart + record;
    }
    if (start + length > end || end > size) {
        throw new packing_errors_UnstreamableZipError('the central directory does not fit before its end record');
    }
    return { start, length, count };
}
/** Where in `tail` the end of central directory record starts: the last one its comment ends. */
function endRecordAt(tail) {
    for (let index = tail.length - 22; index >= Math.max(0, tail.length - 22 - 0xffff); index--) {
        if (tail.readUInt32LE(index) === EOCD &&
            index + 22 + tail.readUInt16LE(index + 20) === tail.length) {
            return index;
        }
    }
    throw new packing_errors_UnstreamableZipError('no end of central directory record');
}
/** Where in `tail` the zip64 end record starts, found through the locator before `endAt`. */
function zip64EndRecordAt(tail, endAt, tailStart) {
    const locator = endAt - 20;
    if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_LOCATOR) {
        throw new packing_errors_UnstreamableZipError('no zip64 locator');
    }
    const record = Number(tail.readBigUInt64LE(locator + 8)) - tailStart;
    if (record < 0 || record + 56 > locator || tail.readUInt32LE(record) !== ZIP64_EOCD) {
        throw new packing_errors_UnstreamableZipError('no zip64 end record in the tail');
    }
    return record;
}
/**
 * Reads the central directory's entries, in the order their data lies in the zip.
 * @throws UnstreamableZipError for a directory that is not well formed or entries that overlap
 */
function readDirectory(bytes, location) {
    const entries = [];
    let at = 0;
    for (let index = 0; index < location.count; index++) {
        const { entry, next } = readCentralEntry(bytes, at, index);
        entries.push(entry);
        at = next;
    }
    if (at !== location.length)
        throw new packing_errors_UnstreamableZipError('central directory length differs');
    entries.sort((a, b) => a.offset - b.offset);
    for (const entry of entries)
        checkStreamable(entry, location);
    return entries;
}
/** The directory's `index`-th entry, at `at`, and where the next one starts. */
function readCentralEntry(bytes, at, index) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) {
        throw new packing_errors_UnstreamableZipError(`central directory entry ${index} is not well formed`);
    }
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const nameBytes = Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength));
    const extra = bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    const wide = zip64Values(extra);
    const widened = (value) => (value === MAX32 ? (wide.shift() ?? NaN) : value);
    // In the zip64 extra field's fixed order: size, compressed size, offset.
    const size = widened(bytes.readUInt32LE(at + 24));
    const compressed = widened(bytes.readUInt32LE(at + 20));
    const offset = widened(bytes.readUInt32LE(at + 42));
    if (![size, compressed, offset].every(Number.isSafeInteger)) {
        throw new packing_errors_UnstreamableZipError(`central directory entry ${index} has no zip64 sizes`);
    }
    const entry = {
        name: nameBytes.toString('utf8'),
        nameBytes,
        flags: bytes.readUInt16LE(at + 8),
        method: bytes.readUInt16LE(at + 10),
        compressed,
        size,
        offset,
        mode: bytes.readUInt32LE(at + 38) >>> 16
    };
    return { entry, next: at + 46 + nameLength + extraLength + commentLength };
}
/**
 * Refuses an entry the streaming reader cannot follow: zip-encrypted, compressed by another
 * method than deflate, or with data that would run into the directory.
 */
function checkStreamable(entry, location) {
    if (entry.flags & 0x1)
        throw new packing_errors_UnstreamableZipError(`${entry.name} is zip-encrypted`);
    if (entry.method !== 0 && entry.method !== 8) {
        throw new packing_errors_UnstreamableZipError(`${entry.name} uses compression method ${entry.method}`);
    }
    if (entry.offset + 30 + entry.compressed > location.start) {
        throw new packing_errors_UnstreamableZipError(`${entry.name} runs into the central directory`);
    }
}
function zip64Values(extra) {
    for (let at = 0; at + 4 <= extra.length;) {
        const id = extra.readUInt16LE(at);
        const length = extra.readUInt16LE(at + 2);
        if (id === 0x0001) {
            const values = [];
            for (let field = 0; field + 8 <= length && at + 4 + field + 8 <= extra.length; field += 8) {
                values.push(Number(extra.readBigUInt64LE(at + 4 + field)));
            }
            return values;
        }
        at += 4 + length;
    }
    return [];
}

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
;// CONCATENATED MODULE: ./src/packing/zip-writer.ts











const deflateRaw = (0,external_node_util_namespaceObject.promisify)(external_node_zlib_namespaceObject.deflateRaw);
const READ_CHUNK = (/* unused pure expression or super */ null && (1024 * 1024));
const zip_writer_MAX32 = 0xffffffff;
/** Entries this large get zip64 sizes from their local header on (margin for deflate growth). */
const ZIP64_ENTRY = 0xff000000;
/** A whole entry's data smaller than this goes out with its header and descriptor, as one Buffer. */
const SMALL_PIECE = (/* unused pure expression or super */ null && (64 * 1024));
/** Streamed entries packed at once: the one being written and the next, read ahead. */
const STREAMED_IN_FLIGHT = 2;
/**
 * The most bytes of a streamed entry packed ahead of the writer: deflated bytes (each stands for
 * several read), or a few read chunks of a stored entry, which has no deflate to run in parallel.
 */
const AHEAD_BYTES = { deflated: 16 * 1024 * 1024, stored: 4 * 1024 * 1024 };
/**
 * Pieces of one streamed entry deflating at once on zlib's thread pool (4 threads by default):
 * enough to keep every core busy while this thread reads, hashes and uploads.
 */
const DEFLATES_IN_FLIGHT = 4;
/**
 * zlib's output buffer for a piece: each one filled costs a trip to the thread pool and back
 * (the default, 16 KiB, would cost a dozen per piece of text).
 */
const DEFLATE_OUTPUT_CHUNK = (/* unused pure expression or super */ null && (256 * 1024));
/** How far back deflate looks: each piece gets this much of the bytes before it. */
const DEFLATE_WINDOW = (/* unused pure expression or super */ null && (32 * 1024));
/** A final deflate block holding nothing (fixed codes, end of block): closes a stream of pieces. */
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);
/** Files up to this size deflate on the main thread: a thread pool trip costs more. */
const DEFLATE_HERE = (/* unused pure expression or super */ null && (16 * 1024));
const UTF8_AND_DESCRIPTOR = 0x0808;
const MADE_BY_UNIX = (/* unused pure expression or super */ null && (3 << 8));
/**
 * Packs files into a zip as a stream, reading each file once: the same pass takes the file's
 * sha256 and size (what the manifest records), the CRC-32 and, at a level above 0, deflates.
 * Entries carry data descriptors, so nothing is buffered beyond a read chunk; sizes past 4 GiB
 * and more than 65,535 entries get zip64 records. Any unzip tool reads the result.
 */
class zip_writer_ZipPacker {
    sources;
    options;
    entries = [];
    offset = 0;
    /** The files' bytes of the entries written out whole. */
    bytesOfWritten = 0;
    /** The entry being written out. */
    writing;
    central = [];
    needles;
    constructor(sources, options) {
        this.sources = sources;
        this.options = options;
        this.needles = (options.secrets ?? [])
            .filter(secret => secret.length >= 8)
            .map(secret => Buffer.from(secret));
    }
    refuseSecret(source) {
        throw new ConfigurationError(`File ${source.path} contains the job's token or a checkpoint key: it is not saved, since checkpoints can be downloaded by anyone who can read the run.`);
    }
    /**
     * The files' bytes that reached the zip's stream so far, for a progress report: files read
     * ahead of their turn count only once their bytes are passed on.
     */
    get bytesPacked() {
        return this.bytesOfWritten + (this.writing?.written() ?? 0);
    }
    /**
     * The zip's bytes. Iterate once; `entries` is complete when it ends. Entries are written in
     * the sources' order, but packed ahead of their turn (see {@link EntryJobs}).
     */
    async *bytes() {
        const jobs = new EntryJobs(this.sources, (source, read) => read ? this.wholeEntry(source, read) : Promise.resolve(this.streamedEntry(source)));
        try {
            for (const [index, source] of this.sources.entries()) {
                const job = await jobs.take(index);
                this.writing = job;
                try {
                    yield* this.write(source, job);
                }
                finally {
                    this.writing = undefined;
                    // Given up part-way (the upload failed): its file is closed, not left paused.
                    job.stop();
                }
            }
            yield* this.emit(this.centralDirectory());
        }
        finally {
            jobs.stop();
        }
    }
    /** Writes a packed entry where the zip has got to: local header, data, descriptor. */
    async *write(source, job) {
        const head = { ...job.head, offset: this.offset };
        if (Buffer.isBuffer(job.body) && job.body.length < SMALL_PIECE) {
            const packed = job.packed(job.body.length);
            const whole = [localHeader(head), job.body, this.finish(source, head, packed)];
            yield* this.emit(Buffer.concat(whole));
            return;
        }
        yield* this.emit(localHeader(head));
        let compressed = 0;
        for await (const bytes of Buffer.isBuffer(job.body) ? [job.body] : job.body) {
            compressed += bytes.length;
            yield* this.emit(bytes);
        }
        yield* this.emit(this.finish(source, head, job.packed(compressed)));
    }
    /** A small file, read whole, packed in one piece without streams (deflated on zlib's pool). */
    async wholeEntry(source, read) {
        const data = await read;
        const head = this.head(source, false);
        if (this.needles.some(needle => data.includes(needle)))
            this.refuseSecret(source);
        const key = this.options.sealKey;
        const stored = key ? encryptBytes(data, key) : data;
        const body = head.method === 8 ? await deflateWhole(stored, this.options.level) : stored;
        const sha256 = sha256Digest(data);
        const packed = {
            crc: crc32(stored),
            compressed: body.length,
            size: data.length,
            sha256,
            stored: key
                ? { size: stored.length, sha256: sha256Digest(stored) }
                : { size: data.length, sha256 }
        };
        return { head, body, packed: () => packed, written: () => 0, stop: () => undefined };
    }
    /** How an entry starts; zip64 from the start when it may pass 4 GiB. */
    head(source, large) {
        return {
            name: Buffer.from(source.name, 'utf8'),
            method: this.options.level > 0 ? 8 : 0,
            ...dosTime(source.mtime),
            zip64: this.options.forceZip64 === true || large
        };
    }
    /** Records a packed entry (central directory, `entries`) and returns its data descriptor. */
    finish(source, head, packed) {
        if (!head.zip64 && (packed.compressed >= zip_writer_MAX32 || packed.stored.size >= zip_writer_MAX32)) {
            throw new Error(`${source.name} grew past 4 GiB while it was being saved`);
        }
        // Its bytes count as written from here on, whole, rather than through the job.
        this.bytesOfWritten += packed.size;
        this.writing = undefined;
        this.central.push({
            ...head,
            crc: packed.crc,
            compressed: packed.compressed,
            size: packed.stored.size,
            mode: source.mode
        });
        this.entries.push({
            name: source.name,
            size: packed.size,
            sha256: packed.sha256,
            stored: packed.stored
        });
        return descriptor(packed.crc, packed.compressed, packed.stored.size, head.zip64);
    }
    *emit(bytes) {
        this.offset += bytes.length;
        yield bytes;
    }
    /**
     * A file too large to read whole, streamed through in read chunks: read, hashed and deflated
     * up to {@link AHEAD_BYTES} ahead of the writer.
     */
    streamedEntry(source) {
        const sealKey = this.options.sealKey;
        const overhead = sealKey ? ENCRYPTION_OVERHEAD : 0;
        const head = this.head(source, source.size + overhead >= ZIP64_ENTRY);
        const tally = new EntryTally(sealKey !== undefined);
        const scan = new SecretScan(this.needles);
        const plain = plainBytes(source.absolute, bytes => {
            tally.plain(bytes);
            if (scan.finds(bytes))
                this.refuseSecret(source);
        });
        const stored = tally.stored(sealKey ? encryptChunks(plain, sealKey) : plain);
        const body = head.method === 8 ? deflated(stored, this.options.level) : stored;
        const limit = AHEAD_BYTES[head.method === 8 ? 'deflated' : 'stored'];
        const ahead = new Prefetch(body, limit, () => tally.size);
        return {
            head,
            body: ahead.chunks(),
            packed: compressed => tally.packed(compressed),
            written: () => ahead.taken,
            stop: () => {
                ahead.stop();
            }
        };
    }
    centralDirectory() {
        const start = this.offset;
        const records = this.central.map(centralHeader);
        const length = records.reduce((total, record) => total + record.length, 0);
        const end = [...records];
        const count = this.central.length;
        if (this.options.forceZip64 || count >= 0xffff || start >= zip_writer_MAX32 || length >= zip_writer_MAX32) {
            const at = start + length;
            end.push(zip64End(count, length, start), zip64Locator(at));
        }
        end.push(endOfCentral(count, length, start));
        return Buffer.concat(end);
    }
}
/**
 * Tallies a streamed entry while it passes: the file's size and sha256 as read, and the stored
 * bytes' size, CRC-32 and (when sealed, so that they differ from the file's) sha256.
 */
class EntryTally {
    sealed;
    /** The file's bytes read so far. */
    size = 0;
    storedSize = 0;
    crc = 0;
    plainHash = createHash('sha256');
    storedHash = createHash('sha256');
    constructor(sealed) {
        this.sealed = sealed;
    }
    /** Counts the file's bytes as read. */
    plain(bytes) {
        this.size += bytes.length;
        this.plainHash.update(bytes);
    }
    /** The entry's stored bytes, counted as they pass. */
    async *stored(bytes) {
        for await (const chunk of bytes) {
            this.storedSize += chunk.length;
            this.crc = crc32(chunk, this.crc);
            if (this.sealed)
                this.storedHash.update(chunk);
            yield chunk;
        }
    }
    /** What the entry came to, once its last byte passed. */
    packed(compressed) {
        const sha256 = `sha256:${this.plainHash.digest('hex')}`;
        const stored = this.sealed
            ? { size: this.storedSize, sha256: `sha256:${this.storedHash.digest('hex')}` }
            : { size: this.size, sha256 };
        return { crc: this.crc, compressed, size: this.size, sha256, stored };
    }
}
/** Looks for exact values across the chunks of a stream, matches spanning two chunks included. */
class SecretScan {
    needles;
    tail = Buffer.alloc(0);
    keep;
    constructor(needles) {
        this.needles = needles;
        this.keep = Math.max(0, ...needles.map(needle => needle.length - 1));
    }
    /** Whether `bytes`, or the seam between them and the chunk before, holds a needle. */
    finds(bytes) {
        if (this.needles.length === 0)
            return false;
        // Only the bytes either side of the seam are copied, never the chunk itself.
        const seam = Buffer.concat([this.tail, bytes.subarray(0, this.keep)]);
        if (this.needles.some(needle => bytes.includes(needle) || seam.includes(needle)))
            return true;
        const window = bytes.length >= this.keep ? bytes : Buffer.concat([this.tail, bytes]);
        this.tail = Buffer.from(window.subarray(Math.max(0, window.length - this.keep)));
        return false;
    }
}
/**
 * Starts packing entries ahead of the one being written, so that reading, hashing and zlib's
 * deflates (on its thread pool) of several files run at once: small files, read whole, up to
 * FILE_CONCURRENCY ahead; streamed ones {@link STREAMED_IN_FLIGHT} at a time, each holding at
 * most {@link AHEAD_BYTES}. The writer still takes them in the sources' order.
 */
class EntryJobs {
    sources;
    start;
    jobs = new Map();
    started = new Set();
    constructor(sources, start) {
        this.sources = sources;
        this.start = start;
    }
    /** Entry `index`, once packed far enough to start writing it. */
    take(index) {
        const end = Math.min(this.sources.length, index + FILE_CONCURRENCY);
        for (let ahead = index; ahead < end; ahead++) {
            const source = this.sources[ahead];
            const whole = source !== undefined && source.size <= SMALL_FILE;
            if (!source || this.started.has(ahead))
                continue;
            if (!whole && ahead >= index + STREAMED_IN_FLIGHT)
                continue;
            this.started.add(ahead);
            const job = this.start(source, whole ? readWhole(source) : undefined);
            job.catch(() => undefined);
            this.jobs.set(ahead, job);
        }
        const job = this.jobs.get(index);
        this.jobs.delete(index);
        return job ?? Promise.reject(new Error(`entry ${index} was taken twice`));
    }
    /** Gives up the entries started and not taken. */
    stop() {
        for (const job of this.jobs.values()) {
            job.then(started => {
                started.stop();
            }, () => undefined);
        }
        this.jobs.clear();
    }
}
/** A small file's bytes, read in one go. */
function readWhole(source) {
    return source.size <= SYNC_FILE ? readSmallFile(source.absolute) : readFile(source.absolute);
}
/** A file's bytes, read once. */
async function* plainBytes(file, onPlain) {
    for await (const chunk of createReadStream(file, { highWaterMark: READ_CHUNK })) {
        const bytes = chunk;
        onPlain(bytes);
        yield bytes;
    }
}
/**
 * Raw deflate of a small file's bytes: on zlib's thread pool, or at once on this thread when it
 * is so small that handing it over would cost more than deflating it.
 */
async function deflateWhole(bytes, level) {
    if (bytes.length <= DEFLATE_HERE)
        return zlib.deflateRawSync(bytes, { level });
    return deflateRaw(bytes, { level });
}
/**
 * Raw deflate of a byte stream as one deflate stream made of independent pieces, pigz's way:
 * each input chunk is deflated on its own on zlib's thread pool, up to
 * {@link DEFLATES_IN_FLIGHT} at once (so one large file uses every core), with the 32 KiB before
 * it as its dictionary (so it compresses as well as one stream would) and a sync flush at its end
 * (so the next piece starts on a byte boundary). An empty final block closes the stream: any
 * inflater reads the result as the single stream it is.
 */
async function* deflated(source, level) {
    const pieces = [];
    let window = Buffer.alloc(0);
    for await (const bytes of source) {
        const piece = deflatePiece(bytes, level, window);
        // Awaited in order below; a failure meanwhile must not count as unhandled.
        piece.catch(() => undefined);
        pieces.push(piece);
        window = windowAfter(window, bytes);
        if (pieces.length >= DEFLATES_IN_FLIGHT)
            yield await pieces.shift();
    }
    for (const piece of pieces)
        yield await piece;
    yield FINAL_EMPTY_BLOCK;
}
/** One piece of a deflate stream: `bytes` deflated after `window`, ending on a sync flush. */
function deflatePiece(bytes, level, window) {
    const options = {
        level,
        finishFlush: zlib.constants.Z_SYNC_FLUSH,
        chunkSize: DEFLATE_OUTPUT_CHUNK
    };
    if (window.length > 0)
        options.dictionary = window;
    return deflateRaw(bytes, options);
}
/** The last {@link DEFLATE_WINDOW} bytes of the stream once `bytes` followed `window`. */
function windowAfter(window, bytes) {
    if (bytes.length >= DEFLATE_WINDOW)
        return bytes.subarray(bytes.length - DEFLATE_WINDOW);
    const joined = Buffer.concat([window, bytes]);
    return joined.subarray(Math.max(0, joined.length - DEFLATE_WINDOW));
}
function localHeader({ name, method, time, date, zip64 }) {
    const extra = zip64 ? zip64Extra([0, 0]) : Buffer.alloc(0);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(zip64 ? 45 : 20, 4);
    header.writeUInt16LE(UTF8_AND_DESCRIPTOR, 6);
    header.writeUInt16LE(method, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    // CRC-32 and sizes follow the data, in its descriptor (zip64: 0xffffffff and the extra field).
    header.writeUInt32LE(0, 14);
    header.writeUInt32LE(zip64 ? zip_writer_MAX32 : 0, 18);
    header.writeUInt32LE(zip64 ? zip_writer_MAX32 : 0, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(extra.length, 28);
    return Buffer.concat([header, name, extra]);
}
function descriptor(crc, compressed, size, zip64) {
    const bytes = Buffer.alloc(zip64 ? 24 : 16);
    bytes.writeUInt32LE(0x08074b50, 0);
    bytes.writeUInt32LE(crc, 4);
    if (zip64) {
        bytes.writeBigUInt64LE(BigInt(compressed), 8);
        bytes.writeBigUInt64LE(BigInt(size), 16);
    }
    else {
        bytes.writeUInt32LE(compressed, 8);
        bytes.writeUInt32LE(size, 12);
    }
    return bytes;
}
function centralHeader(record) {
    // zip64 fields, in their fixed order, for whichever value does not fit in 32 bits.
    const wide = [record.size, record.compressed, record.offset].filter(value => value >= zip_writer_MAX32);
    const large = record.zip64 || wide.length > 0;
    const extra = wide.length > 0 ? zip64Extra(wide) : Buffer.alloc(0);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(MADE_BY_UNIX | (large ? 45 : 20), 4);
    header.writeUInt16LE(large ? 45 : 20, 6);
    header.writeUInt16LE(UTF8_AND_DESCRIPTOR, 8);
    header.writeUInt16LE(record.method, 10);
    header.writeUInt16LE(record.time, 12);
    header.writeUInt16LE(record.date, 14);
    header.writeUInt32LE(record.crc, 16);
    header.writeUInt32LE(Math.min(record.compressed, zip_writer_MAX32), 20);
    header.writeUInt32LE(Math.min(record.size, zip_writer_MAX32), 24);
    header.writeUInt16LE(record.name.length, 28);
    header.writeUInt16LE(extra.length, 30);
    // comment length, disk number, internal attributes: 0
    header.writeUInt32LE((((0o100000 | (record.mode & 0o777)) << 16) >>> 0) >>> 0, 38);
    header.writeUInt32LE(Math.min(record.offset, zip_writer_MAX32), 42);
    return Buffer.concat([header, record.name, extra]);
}
function zip64Extra(values) {
    const extra = Buffer.alloc(4 + 8 * values.length);
    extra.writeUInt16LE(0x0001, 0);
    extra.writeUInt16LE(8 * values.length, 2);
    values.forEach((value, index) => extra.writeBigUInt64LE(BigInt(value), 4 + 8 * index));
    return extra;
}
function zip64End(count, length, start) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(MADE_BY_UNIX | 45, 12);
    record.writeUInt16LE(45, 14);
    // this disk, the central directory's disk: 0
    record.writeBigUInt64LE(BigInt(count), 24);
    record.writeBigUInt64LE(BigInt(count), 32);
    record.writeBigUInt64LE(BigInt(length), 40);
    record.writeBigUInt64LE(BigInt(start), 48);
    return record;
}
function zip64Locator(at) {
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(at), 8);
    locator.writeUInt32LE(1, 16);
    return locator;
}
function endOfCentral(count, length, start) {
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(Math.min(count, 0xffff), 8);
    end.writeUInt16LE(Math.min(count, 0xffff), 10);
    end.writeUInt32LE(Math.min(length, zip_writer_MAX32), 12);
    end.writeUInt32LE(Math.min(start, zip_writer_MAX32), 16);
    return end;
}
/** MS-DOS date and time fields (local time, 2-second steps, 1980 at the earliest). */
function dosTime(at) {
    const year = Math.max(1980, at.getFullYear());
    return {
        time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
        date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate()
    };
}
/** CRC-32 (zlib's, where this Node has it). */
function crc32(bytes, previous = 0) {
    return typeof zlib.crc32 === 'function' ? zlib.crc32(bytes, previous) : slowCrc32(bytes, previous);
}
let table;
function slowCrc32(bytes, previous) {
    table ??= Uint32Array.from({ length: 256 }, (_, index) => {
        let value = index;
        for (let bit = 0; bit < 8; bit++)
            value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
        return value >>> 0;
    });
    let crc = (previous ^ zip_writer_MAX32) >>> 0;
    for (const byte of bytes)
        crc = ((table[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8)) >>> 0;
    return (crc ^ zip_writer_MAX32) >>> 0;
}

;// CONCATENATED MODULE: ./src/packing/pack-file.ts











/**
 * A pack on disk with its entries listed, each found by name at once however many it holds; a
 * small one is read whole, once.
 * @throws ArchiveIntegrityError when it is not a pack
 */
async function openPack(file) {
    const size = (await stat(file)).size;
    if (size > ZIP_IN_MEMORY)
        return withNames(file, await packEntries(file));
    const bytes = await readFile(file);
    const entries = await listEntries(basename(file), size, (position, length) => Promise.resolve(bytesAt(bytes, position, length)));
    return { ...withNames(file, entries), bytes };
}
function withNames(file, entries) {
    return { file, entries, named: new Map(entries.map(entry => [entry.name, entry])) };
}
function bytesAt(bytes, position, length) {
    if (position + length > bytes.length)
        throw new UnstreamableZipError('the zip ends early');
    return bytes.subarray(position, position + length);
}
/** The bytes of a pack of `members`, entries in the given order, all stored. */
async function* packBytes(members) {
    const sources = await Promise.all(members.map(async (member) => ({
        name: member.name,
        path: member.name,
        absolute: member.file,
        mode: 0o644,
        mtime: new Date(0),
        size: (await stat(member.file)).size
    })));
    yield* new ZipPacker(sources, { level: 0 }).bytes();
}
/**
 * The entries of a pack, from its central directory, each with the byte range of its data.
 * @throws ArchiveIntegrityError when it is not a pack: not a zip, or an entry is compressed
 */
async function packEntries(packFile) {
    const handle = await (0,promises_namespaceObject.open)(packFile, 'r');
    try {
        const size = (await handle.stat()).size;
        return await listEntries((0,external_node_path_namespaceObject.basename)(packFile), size, (position, length) => readAt(handle, position, length));
    }
    finally {
        await handle.close();
    }
}
/** The entries of a pack of `size` bytes, whose bytes `read` gives by range. */
async function listEntries(label, size, read) {
    try {
        const tailStart = Math.max(0, size - TAIL_BYTES);
        const tail = await read(tailStart, size - tailStart);
        const location = locateDirectory(tail, tailStart, size);
        const directory = await read(location.start, location.length);
        const entries = [];
        for (const entry of readDirectory(directory, location)) {
            if (entry.method !== 0)
                throw new packing_errors_UnstreamableZipError(`${entry.name} is compressed`);
            const local = await read(entry.offset, 30);
            const start = entry.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
            entries.push({ name: entry.name, start, size: entry.size });
        }
        return entries;
    }
    catch (error) {
        if (!(error instanceof packing_errors_UnstreamableZipError))
            throw error;
        throw new packing_errors_ArchiveIntegrityError(label, `not a pack (${error.message})`);
    }
}
async function readAt(handle, position, length) {
    const bytes = Buffer.alloc(length);
    const { bytesRead } = await handle.read(bytes, 0, length, position);
    if (bytesRead !== length)
        throw new packing_errors_UnstreamableZipError('the zip ends early');
    return bytes;
}
/**
 * Copies one entry's bytes out of a pack into `target`, by its byte range, and checks them
 * against `digest` (`sha256:<hex>`, as the checkpoint recorded them) before anything uses them.
 * @throws ArchiveIntegrityError naming the entry when its bytes differ; `target` is removed
 */
async function copyPackEntry(packFile, entry, target, digest) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    const out = (0,external_node_fs_namespaceObject.createWriteStream)(target);
    if (entry.size === 0) {
        out.end();
        await (0,external_node_events_namespaceObject.once)(out, 'close');
    }
    else {
        const end = entry.start + entry.size - 1;
        const source = (0,external_node_fs_namespaceObject.createReadStream)(packFile, { start: entry.start, end });
        source.on('data', chunk => hash.update(chunk));
        await (0,external_node_stream_promises_namespaceObject.pipeline)(source, out);
    }
    if (`sha256:${hash.digest('hex')}` !== digest) {
        await (0,promises_namespaceObject.rm)(target, { force: true });
        throw new packing_errors_ArchiveIntegrityError(entry.name, 'its bytes in the pack do not match its digest');
    }
}
/**
 * Copies the archive `archive` out of the pack `name` into `target`, checked against the digest
 * its checkpoint recorded.
 * @throws ArchiveIntegrityError when the pack has no such entry, or its bytes differ
 */
async function copyArchiveOut(pack, name, archive, target) {
    await copyPackEntry(pack.file, archiveEntry(pack, name, archive.name), target, archive.digest);
}
/**
 * The exact bytes of the archive `archive` in the pack `name`, read into memory (archives in a
 * pack are small) and checked against the digest its checkpoint recorded.
 * @throws ArchiveIntegrityError when the pack has no such entry, or its bytes differ
 */
async function archiveBytesOut(pack, name, archive) {
    const entry = archiveEntry(pack, name, archive.name);
    const bytes = pack.bytes
        ? bytesAt(pack.bytes, entry.start, entry.size)
        : await readPackEntry(pack.file, entry);
    if (sha256Digest(bytes) !== archive.digest) {
        throw new ArchiveIntegrityError(archive.name, 'its bytes in the pack do not match its digest');
    }
    return bytes;
}
function archiveEntry(pack, name, archive) {
    const entry = pack.named.get(archive);
    if (!entry)
        throw new ArchiveIntegrityError(archive, `is not in ${name}`);
    return entry;
}
/**
 * One entry's bytes (the text of a retired checkpoint document, which its own digest verifies,
 * or an archive's bytes, which the caller checks).
 */
async function readPackEntry(packFile, entry) {
    const handle = await (0,promises_namespaceObject.open)(packFile, 'r');
    try {
        return await readAt(handle, entry.start, entry.size);
    }
    finally {
        await handle.close();
    }
}

// EXTERNAL MODULE: ./node_modules/yauzl/index.js
var yauzl = __nccwpck_require__(663);
;// CONCATENATED MODULE: ./src/packing/entry-writer.ts






/**
 * Writes an entry's bytes into a file (`target`, mode 0600) or onto a list of chunks, through
 * `through` (an inflater) and a meter that counts and hashes them and stops them past the limit:
 * the one way an entry's bytes leave a zip, whichever reader found it.
 * @throws ArchiveIntegrityError past the limit, or when the bytes cannot be read or written
 */
async function writeEntry(entry, target, wording, through = []) {
    const meter = new ByteMeter(entry.limit, () => entryRefusal(entry.archive, entry.name, wording.overflow));
    try {
        const bytes = typeof entry.bytes === 'function' ? await entry.bytes() : entry.bytes;
        await (0,external_node_stream_promises_namespaceObject.pipeline)([bytes, ...through, meter, sinkOf(target)]);
    }
    catch (error) {
        if (error instanceof packing_errors_ArchiveIntegrityError)
            throw error;
        throw entryRefusal(entry.archive, entry.name, `${wording.failure} (${describe(error)})`);
    }
    return { bytes: meter.bytes, digest: meter.digest() };
}
/** A file written afresh (owner-only until placed), or a list the chunks are kept on. */
function sinkOf(target) {
    if (typeof target === 'string')
        return (0,external_node_fs_namespaceObject.createWriteStream)(target, { mode: 0o600 });
    return new external_node_stream_namespaceObject.Writable({
        write(chunk, _encoding, callback) {
            target.push(chunk);
            callback();
        }
    });
}

;// CONCATENATED MODULE: ./src/packing/zip-reader.ts





/** True when a file starts like a zip (a local header, or the end record of an empty zip). */
async function isZipFile(path) {
    const handle = await (0,promises_namespaceObject.open)(path, 'r');
    try {
        const head = Buffer.alloc(4);
        const { bytesRead } = await handle.read(head, 0, 4, 0);
        const magic = head.subarray(0, bytesRead).toString('hex');
        return magic === '504b0304' || magic === '504b0506';
    }
    finally {
        await handle.close();
    }
}
/**
 * Opens a zip for reading its entries one at a time ({@link zipEntries}); sizes are checked
 * against the headers as entries are read. Close it when done.
 * @param label names the zip in error messages
 * @throws ArchiveIntegrityError for a file that is not a readable zip
 */
async function openZip(path, label, names) {
    try {
        return await yauzl.openPromise(path, { ...names, autoClose: false, validateEntrySizes: true });
    }
    catch (error) {
        throw unreadableZip(label, describe(error));
    }
}
/**
 * The entries of an opened zip, one at a time from its central directory. yauzl's refusal of
 * an entry (a name that is absolute or holds `..`, sizes that do not add up) fails it.
 * @throws ArchiveIntegrityError naming the zip, with yauzl's reason
 */
async function* zipEntries(zip, label) {
    const entries = zip.eachEntry();
    try {
        for (;;) {
            const next = await entries.next().catch((error) => {
                throw new packing_errors_ArchiveIntegrityError(label, describe(error));
            });
            if (next.done === true)
                return;
            yield next.value;
        }
    }
    finally {
        // Stops listening for entries when the caller stops early.
        await entries.return?.();
    }
}
/**
 * Opens a zip and lists its entries, reading nothing but the central directory. Entry names
 * yauzl considers unsafe (absolute, `..`) fail the listing.
 * @param label names the zip in error messages
 * @throws ArchiveIntegrityError for a truncated or malformed zip
 */
async function listZip(path, label) {
    const zip = await openZip(path, label, { strictFileNames: false });
    try {
        const entries = [];
        for await (const entry of zipEntries(zip, label))
            entries.push(entry);
        return { zip, entries };
    }
    catch (error) {
        zip.close();
        throw unreadableZip(label, error.reason);
    }
}
function unreadableZip(label, reason) {
    return new packing_errors_ArchiveIntegrityError(label, `not a readable zip (${reason})`);
}
/**
 * Reads one entry into memory, refusing more than `limit` bytes whatever its header claims.
 * @throws ArchiveIntegrityError
 */
async function readEntry(listed, entry, limit, label) {
    const chunks = [];
    await unzipEntry(listed, entry, chunks, limit, label);
    return Buffer.concat(chunks);
}
/**
 * Writes one entry into the file `target` (or onto a list of chunks), refusing more than
 * `limit` bytes whatever its header claims.
 * @returns the bytes written and their `sha256:<hex>`
 * @throws ArchiveIntegrityError
 */
async function unzipEntry(listed, entry, target, limit, label) {
    const overflow = `is over ${limit} bytes`;
    if (entry.uncompressedSize > limit)
        throw entryRefusal(label, entry.fileName, overflow);
    const bytes = () => listed.zip.openReadStreamPromise(entry);
    return writeEntry({ archive: label, name: entry.fileName, bytes, limit }, target, {
        overflow,
        failure: 'could not be read'
    });
}

;// CONCATENATED MODULE: ./src/offline/read-source.ts

















/** A checkpoint document larger than this is refused rather than read into memory. */
const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
/** Folders below the source that are searched: a `gh run download` puts one per artifact. */
const read_source_MAX_DEPTH = 1;
/**
 * Reads checkpoints as downloaded from a run page: a checkpoint document (plain JSON), a files
 * archive (a zip, named `<name>.zip` or `<name>`), a pack (`<name>.pack`, with or without
 * `.zip`: small archives and retired documents, each an entry named after its artifact), a zip
 * holding documents, archives or packs, a checkpoint export, a folder of those (one level of
 * subfolders too), or a folder a files archive was unzipped into (named after the archive).
 * Archives renamed on download are found by their size and digest; an archive is found by its
 * name wherever it lies, so a document written before its archive was packed finds it in a pack. Nothing is verified beyond the documents' own digests: that is
 * what `verifySource` does. Call `close()` on the result when done.
 * @throws NotFoundError when `path` does not exist; UsageError for a file that is none of these
 */
async function readCheckpointSource(path, options = {}) {
    const collector = new Collector(options.codec ?? new CheckpointCodec());
    const location = (0,external_node_path_namespaceObject.resolve)(path);
    try {
        const stats = await (0,promises_namespaceObject.stat)(location).catch(() => undefined);
        if (!stats)
            throw new NotFoundError(`Source ${path} does not exist`);
        if (stats.isDirectory())
            await collectFolder(collector, location, 0);
        else
            await collectFile(collector, location, true);
        await extractNested(collector);
        await extractPacked(collector);
        await matchRenamedArchives(collector);
    }
    catch (error) {
        await collector.source(location).close();
        throw error;
    }
    return collector.source(location);
}
/** What reading found so far. */
class Collector {
    codec;
    checkpoints = [];
    archives = new Map();
    problems = [];
    /** Zips that hold no checkpoint: renamed files archives, maybe. */
    loose = [];
    /** Files archives inside zips, extracted once the documents tell their sizes. */
    nested = [];
    packed = [];
    temporary = [];
    constructor(codec) {
        this.codec = codec;
    }
    addCheckpoint(found) {
        const twin = this.checkpoints.find(other => other.name === found.name && other.document?.digest === found.document?.digest);
        if (!twin || !found.document)
            this.checkpoints.push(found);
    }
    /** A zip wins over an unzipped folder: only a zip can be checked against its digest. */
    addArchive(archive) {
        const existing = this.archives.get(archive.name);
        if (!existing || (existing.form === 'folder' && archive.form === 'zip')) {
            this.archives.set(archive.name, archive);
        }
    }
    problem(origin, error) {
        this.problems.push({ origin, error });
    }
    get documents() {
        return this.checkpoints.flatMap(found => (found.document ? [found.document] : []));
    }
    async temporaryFolder() {
        const folder = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), 'checkpoint-source-'));
        this.temporary.push(folder);
        return folder;
    }
    source(location) {
        return new CheckpointSource(location, this.checkpoints, this.archives, this.problems, this.temporary);
    }
}
/** The name a project artifact's file carries, with or without the `.zip` a download adds. */
function artifactNameOf(fileName) {
    const name = fileName.toLowerCase().endsWith('.zip') ? fileName.slice(0, -4) : fileName;
    const parsed = parseAnyArtifactName(name);
    return parsed ? { name, ...parsed } : undefined;
}
async function collectFolder(collector, folder, depth) {
    const named = artifactNameOf((0,external_node_path_namespaceObject.basename)(folder));
    if (named?.kind === 'files') {
        collector.addArchive({ name: named.name, origin: folder, form: 'folder', path: folder });
        return;
    }
    const entries = await (0,promises_namespaceObject.readdir)(folder, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules')
            continue;
        const path = (0,external_node_path_namespaceObject.join)(folder, entry.name);
        // Links are not followed: a source folder is read, never left.
        if (entry.isDirectory() && depth < read_source_MAX_DEPTH)
            await collectFolder(collector, path, depth + 1);
        else if (entry.isFile())
            await collectFile(collector, path, false);
    }
}
async function collectFile(collector, path, explicit) {
    const named = artifactNameOf((0,external_node_path_namespaceObject.basename)(path));
    const zip = await isZipFile(path);
    if (named?.kind === 'files') {
        if (zip)
            collector.addArchive({ name: named.name, origin: path, form: 'zip', path });
        else
            collector.problem(path, new packing_errors_ArchiveIntegrityError(named.name, 'is not a zip'));
        return;
    }
    if (named?.kind === 'pack') {
        await collectPack(collector, path, path, explicit);
        return;
    }
    if (zip) {
        await collectZip(collector, path, explicit);
        return;
    }
    if (!named && !explicit && !path.toLowerCase().endsWith('.json'))
        return;
    const { size } = await (0,promises_namespaceObject.stat)(path);
    if (size > MAX_DOCUMENT_BYTES) {
        const error = new CorruptCheckpointError(path, `over ${MAX_DOCUMENT_BYTES} bytes`);
        if (explicit)
            throw error;
        collector.problem(path, error);
        return;
    }
    collectJson(collector, decodeUtf8(await (0,promises_namespaceObject.readFile)(path), path), path, named?.ref, explicit);
}
/** A document, an export of documents, or (only when named so or given) a corrupt one. */
function collectJson(collector, text, origin, nameRef, explicit) {
    const value = read_source_parseJson(text);
    const kind = isJsonObject(value) ? value.kind : undefined;
    if (kind === EXPORT_KIND && isJsonObject(value) && Array.isArray(value.checkpoints)) {
        for (const [index, item] of value.checkpoints.entries()) {
            addDocument(collector, JSON.stringify(item), `${origin}#${index + 1}`, undefined, item);
        }
        return;
    }
    if (kind === CHECKPOINT_KIND || kind === ENCRYPTED_KIND || nameRef) {
        addDocument(collector, text, origin, nameRef, value);
        return;
    }
    if (explicit) {
        throw new UsageError(`${origin} is not a checkpoint, a checkpoint export or a zip of either`);
    }
}
function addDocument(collector, text, origin, nameRef, value) {
    try {
        const document = collector.codec.decode(text, origin, nameRef);
        const { createdAt } = document;
        const name = checkpointName(document);
        collector.addCheckpoint({
            name,
            ref: refOf(document),
            origin,
            document,
            error: undefined,
            createdAt
        });
    }
    catch (error) {
        if (!(error instanceof CheckpointError))
            throw error;
        const ref = nameRef ?? refFromContent(value);
        const name = ref ? checkpointName(ref) : (0,external_node_path_namespaceObject.basename)(origin);
        const createdAt = isJsonObject(value) && typeof value.createdAt === 'string' ? value.createdAt : undefined;
        collector.addCheckpoint({ name, ref, origin, document: undefined, error, createdAt });
    }
}
function read_source_parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/** The ref a corrupt document's fields still tell, when they are well-formed. */
function refFromContent(value) {
    if (!isJsonObject(value))
        return undefined;
    const { scope, attempt, sequence, node } = value;
    if (typeof scope !== 'string' || !ID_PATTERN.test(scope))
        return undefined;
    if (typeof node !== 'string' || !ID_PATTERN.test(node))
        return undefined;
    if (typeof attempt !== 'number' || !Number.isSafeInteger(attempt))
        return undefined;
    if (typeof sequence !== 'number' || !Number.isSafeInteger(sequence))
        return undefined;
    return { scope, attempt, sequence, node };
}
/**
 * A zip that is not a files archive by its name: documents inside are read (bounded), files
 * archives inside are noted for later; a zip holding neither may be a renamed files archive.
 */
async function collectZip(collector, path, explicit) {
    let found = false;
    try {
        const opened = await listZip(path, (0,external_node_path_namespaceObject.basename)(path));
        try {
            for (const entry of opened.entries) {
                const base = entry.fileName.split('/').at(-1) ?? '';
                const named = artifactNameOf(base);
                const origin = `${path}!${entry.fileName}`;
                if (named?.kind === 'files') {
                    collector.nested.push({ zip: path, entry: entry.fileName, name: named.name, origin });
                    found = true;
                }
                else if (named?.kind === 'pack') {
                    const pack = (0,external_node_path_namespaceObject.join)(await collector.temporaryFolder(), named.name);
                    await unzipEntry(opened, entry, pack, entry.uncompressedSize, (0,external_node_path_namespaceObject.basename)(path));
                    await collectPack(collector, pack, origin, false);
                    found = true;
                }
                else if (named?.kind === 'json' || base.toLowerCase().endsWith('.json')) {
                    const before = collector.checkpoints.length;
                    const bytes = await readEntry(opened, entry, MAX_DOCUMENT_BYTES, (0,external_node_path_namespaceObject.basename)(path));
                    collectJson(collector, decodeUtf8(bytes, origin), origin, named?.ref, false);
                    found ||= collector.checkpoints.length > before;
                }
            }
        }
        finally {
            opened.zip.close();
        }
    }
    catch (error) {
        if (explicit || !(error instanceof packing_errors_ArchiveIntegrityError))
            throw error;
        collector.problem(path, error);
        return;
    }
    if (!found)
        collector.loose.push(path);
}
/** Extracts the files archives found inside zips, each bounded by the size recorded for it. */
async function extractNested(collector) {
    for (const nested of collector.nested) {
        if (collector.archives.has(nested.name))
            continue;
        const record = recordOf(collector.documents, nested.name);
        if (!record)
            continue;
        const target = (0,external_node_path_namespaceObject.join)(await collector.temporaryFolder(), `${nested.name}.zip`);
        try {
            const opened = await listZip(nested.zip, (0,external_node_path_namespaceObject.basename)(nested.zip));
            try {
                const entry = opened.entries.find(item => item.fileName === nested.entry);
                if (entry)
                    await unzipEntry(opened, entry, target, record.size, nested.name);
            }
            finally {
                opened.zip.close();
            }
            collector.addArchive({ name: nested.name, origin: nested.origin, form: 'zip', path: target });
        }
        catch (error) {
            if (!(error instanceof packing_errors_ArchiveIntegrityError))
                throw error;
            collector.problem(nested.origin, error);
        }
    }
}
/**
 * A pack's entries: its documents are read now (bounded like any document, each found at
 * `<pack>!<entry>`), its archives noted for {@link extractPacked}. A file that is not a pack
 * is a problem of the source, or an error when it was named on the command line.
 */
async function collectPack(collector, path, origin, explicit) {
    let entries;
    try {
        entries = await packEntries(path);
    }
    catch (error) {
        if (explicit || !(error instanceof packing_errors_ArchiveIntegrityError))
            throw error;
        collector.problem(origin, error);
        return;
    }
    for (const entry of entries) {
        const named = naming_parseArtifactName(entry.name);
        const at = `${origin}!${entry.name}`;
        if (named?.kind === 'files')
            collector.packed.push({ pack: path, entry, origin: at });
        if (named?.kind !== 'json')
            continue;
        try {
            if (entry.size > MAX_DOCUMENT_BYTES) {
                throw new CorruptCheckpointError(at, `over ${MAX_DOCUMENT_BYTES} bytes`);
            }
            const bytes = await readPackEntry(path, entry);
            collectJson(collector, decodeUtf8(bytes, at), at, named.ref, false);
        }
        catch (error) {
            if (!(error instanceof CheckpointError))
                throw error;
            collector.problem(at, error);
        }
    }
}
/**
 * Reads the files archives found in packs into temporary files, each checked against the
 * digest a document recorded for it (at most a small archive's size); one that fails is a
 * problem of the source, named by the archive, and its checkpoints lack it.
 */
async function extractPacked(collector) {
    for (const packed of collector.packed) {
        const name = packed.entry.name;
        if (collector.archives.has(name))
            continue;
        const record = recordOf(collector.documents, name);
        if (!record)
            continue;
        try {
            const target = (0,external_node_path_namespaceObject.join)(await collector.temporaryFolder(), `${name}.zip`);
            await copyPackEntry(packed.pack, packed.entry, target, record.digest);
            collector.addArchive({ name, origin: packed.origin, form: 'zip', path: target });
        }
        catch (error) {
            if (!(error instanceof packing_errors_ArchiveIntegrityError))
                throw error;
            collector.problem(packed.origin, error);
        }
    }
}
/** Finds archives saved under another name (`name (1).zip`) by their recorded size and digest. */
async function matchRenamedArchives(collector) {
    const missing = new Map();
    for (const document of collector.documents) {
        for (const name of archivesOf(document)) {
            const record = document.archives.find(archive => archive.name === name);
            if (record && !collector.archives.has(name))
                missing.set(name, record);
        }
    }
    for (const path of collector.loose) {
        if (missing.size === 0)
            return;
        const { size } = await (0,promises_namespaceObject.stat)(path);
        const candidates = [...missing.values()].filter(record => record.size === size);
        if (candidates.length === 0)
            continue;
        const { digest } = await hashFile(path);
        const match = candidates.find(record => record.digest === digest);
        if (!match)
            continue;
        collector.addArchive({ name: match.name, origin: path, form: 'zip', path });
        missing.delete(match.name);
    }
}
function recordOf(documents, name) {
    for (const document of documents) {
        const record = document.archives.find(archive => archive.name === name);
        if (record)
            return record;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/offline/select.ts



/**
 * The checkpoint a command line names in a source: a node id (its newest checkpoint), a
 * checkpoint name (with or without `.json`), or, with no target, the newest checkpoint.
 * @param scope narrows the search when the source holds several pipelines
 * @throws NotFoundError, or UsageError when the target is ambiguous
 */
function selectCheckpoint(source, target, scope) {
    const inScope = source.checkpoints.filter(found => !scope || found.ref?.scope === scope);
    const candidates = inScope.filter(found => matches(found, target));
    const latest = candidates.at(-1);
    if (!latest?.ref)
        throw notFound(source, inScope, target, scope);
    const scopes = new Set(candidates.map(found => found.ref?.scope));
    if (scopes.size > 1) {
        throw new UsageError(`${describeTarget(target)} is in more than one scope (${[...scopes].join(', ')}): pass --scope`);
    }
    const copies = candidates.filter(found => found.name === latest.name);
    const valid = copies.filter(found => found.document);
    const digests = new Set(valid.map(found => found.document?.digest));
    if (digests.size > 1) {
        throw new UsageError(`${latest.name} is in the source twice with different content (${valid.map(found => found.origin).join(', ')}): name the file`);
    }
    return valid[0] ?? latest;
}
/**
 * The verified document of a found checkpoint.
 * @throws the error that made it corrupt or unreadable
 */
function documentOf(found) {
    if (found.document)
        return found.document;
    throw found.error ?? new UsageError(`${found.origin} holds no readable checkpoint`);
}
function matches(found, target) {
    if (target === undefined)
        return found.ref !== undefined;
    if (ID_PATTERN.test(target))
        return found.ref?.node === target;
    const ref = nameRefOf(target);
    return ref !== undefined && found.ref !== undefined && found.name === nameOf(target);
}
function nameRefOf(target) {
    return parseCheckpointName(nameOf(target));
}
function nameOf(target) {
    return target.endsWith('.json') ? target : `${target}.json`;
}
function describeTarget(target) {
    if (target === undefined)
        return 'The newest checkpoint';
    return ID_PATTERN.test(target) ? `Node '${target}'` : target;
}
function notFound(source, inScope, target, scope) {
    const where = `${source.location}${scope ? ` (scope ${scope})` : ''}`;
    if (inScope.length === 0)
        return new NotFoundError(`No checkpoints found in ${where}`);
    const nodes = [...new Set(inScope.flatMap(found => (found.ref ? [found.ref.node] : [])))];
    return new NotFoundError(`${describeTarget(target)} has no checkpoint in ${where}; nodes there: ${nodes.join(', ')}`);
}

;// CONCATENATED MODULE: ./src/packing/encrypt.ts





/** The opaque entry name of the index-th encrypted file: the archive shows no paths. */
function sealedEntryName(index) {
    return `f${String(index + 1).padStart(6, '0')}`;
}
/**
 * The record of an encrypted file as its archive stores it: the opaque entry name and the
 * encrypted bytes' size and hash, which the extractor checks like any other entry.
 * @throws ArchiveIntegrityError when the manifest records no valid entry for it
 */
function sealedRecord(archive, file) {
    const entry = file.entry;
    if (!entry || unsafePathReason(entry.name)) {
        throw new packing_errors_ArchiveIntegrityError(archive, `file ${file.path} has no valid encrypted entry`);
    }
    return { ...file, path: entry.name, size: entry.size, sha256: entry.sha256 };
}
/**
 * Decrypts extracted entries from `sealed` into `staging` (both laid out by stagedPath),
 * checking each against its manifest record (size and sha256 of the plain bytes).
 * @throws ArchiveIntegrityError for a wrong key, changed bytes or a mismatch
 */
async function openFiles(archive, files, sealed, staging, key) {
    const made = new Set();
    for (const file of files) {
        const entry = sealedRecord(archive, file).path;
        const target = makeStagedPath(staging, file.path, made);
        try {
            await decryptFile(staged_path_stagedPath(sealed, entry), target, key);
        }
        catch {
            throw new packing_errors_ArchiveIntegrityError(archive, `${file.path} does not decrypt with the encryption key (wrong key, or changed bytes)`);
        }
        const decrypted = await hashFile(target);
        if (decrypted.bytes !== file.size || decrypted.digest !== file.sha256) {
            throw new packing_errors_ArchiveIntegrityError(archive, `${file.path} does not match its manifest record once decrypted`);
        }
    }
}

;// CONCATENATED MODULE: ./src/packing/manifest-entries.ts







/** The context of extracting `archive`, which holds the files `expected`, into `staging`. */
function entryContext(archive, expected, staging, superseded) {
    const remaining = new Map(expected.map(file => [file.path, file]));
    return { archive, remaining, staging, superseded, made: new Set() };
}
/** Fails when a file the manifest lists in this archive was not in it. */
function missingFiles(context) {
    const missing = [...context.remaining.keys()];
    if (missing.length > 0) {
        throw new packing_errors_ArchiveIntegrityError(context.archive, `${missing.length} listed file(s) missing, e.g. ${missing[0]}`);
    }
}
/**
 * Lets an entry in only as what the manifest expects: a safe relative name, a regular file,
 * listed and not seen before, no larger than recorded. Folder entries and files a later archive
 * supersedes are passed over (undefined). Makes the staging folder an entry goes in.
 * @throws ArchiveIntegrityError for anything else
 */
function admitEntry(context, entry) {
    const name = entry.name;
    const refuse = (reason) => {
        throw entryRefusal(context.archive, name, reason);
    };
    if (name.endsWith('/')) {
        if (!isSafeRelativePath(name.slice(0, -1)))
            refuse(unsafePathReason(name.slice(0, -1)) ?? '');
        return undefined;
    }
    // By this OS's rules too: on Windows, a name it would write elsewhere is never staged.
    const unsafe = unsafePathReason(name, process.platform);
    if (unsafe)
        refuse(unsafe);
    const type = entry.mode & 0o170000;
    if (type !== 0 && type !== 0o100000)
        refuse('is not a regular file (a link or a device): saves never write one');
    const record = context.remaining.get(name);
    if (!record && context.superseded(name))
        return undefined;
    if (!record)
        return refuse('is not in the checkpoint manifest (or appears twice)');
    context.remaining.delete(name);
    if (entry.size > record.size)
        refuse(`claims ${entry.size} bytes, the manifest ${record.size}`);
    return { name, record, target: stagingTarget(context, name, refuse) };
}
/** Where an admitted entry is staged, its folder made (see makeStagedPath). */
function stagingTarget(context, name, refuse) {
    try {
        return makeStagedPath(context.staging, name, context.made);
    }
    catch (error) {
        return refuse(`cannot be staged (${error.message})`);
    }
}
/**
 * Writes an admitted entry's (inflated) bytes into staging, counting and hashing them: more
 * bytes than recorded stop it, and a size or sha256 that differs from the manifest fails it.
 * @param through what the bytes pass through first (an inflater)
 * @throws ArchiveIntegrityError
 */
async function stageEntry(archive, entry, bytes, through = []) {
    const size = entry.record.size;
    const written = await writeEntry({ archive, name: entry.name, bytes, limit: size }, entry.target, { overflow: `inflates past the ${size} bytes recorded`, failure: 'could not be extracted' }, through);
    matchRecord(archive, entry, written.bytes, written.digest);
}
/**
 * Writes a small admitted entry's bytes, already read and inflated whole, into staging, after
 * the same checks as {@link stageEntry}.
 * @throws ArchiveIntegrityError
 */
async function stageWholeEntry(archive, entry, data) {
    matchRecord(archive, entry, data.length, canonical_sha256Digest(data));
    // Worded as stageEntry words a write that fails.
    await (0,promises_namespaceObject.writeFile)(entry.target, data, { mode: 0o600 }).catch((error) => {
        throw entryRefusal(archive, entry.name, `could not be extracted (${describe(error)})`);
    });
}
/** Fails an entry whose size or sha256 differs from its manifest record. */
function matchRecord(archive, entry, bytes, digest) {
    const expected = entry.record;
    if (bytes !== expected.size) {
        throw entryRefusal(archive, entry.name, `has ${bytes} bytes, the manifest ${expected.size}`);
    }
    if (digest !== expected.sha256) {
        throw entryRefusal(archive, entry.name, 'does not match its sha256 in the manifest');
    }
}

;// CONCATENATED MODULE: ./src/packing/stream-extract.ts







const LOCAL = 0x04034b50;
/**
 * Inflated bytes per output chunk: each chunk costs a callback, a hash update and a file write
 * on the main thread (zlib's 16 KiB default cost twice the time; 256 KiB still a third more).
 */
const INFLATE_CHUNK = 1024 * 1024;
/**
 * A deflated entry up to this size is taken off the download whole and inflated while the next
 * entries stream in: inflating one entry is one thread's work, slower than the download, so
 * entries inflating at once (on zlib's pool) keep every core busy. 100 MiB of JSON in 4 files
 * extracted in 0.45-0.65 s this way, against 0.82-1.08 s one entry after the other. Larger
 * entries stream through, one at a time. The entry is gathered into one Buffer, not handed to
 * the inflater in the socket's 64 KiB pieces: each piece cost a round trip between the thread
 * pool and this thread, which left the cores idle while this thread hashed. 1 GiB of JSON was
 * restored in a median 3.64 s against 3.86 s (each of 6 interleaved pairs faster), peaking at
 * 217-251 MB against 253-268 MB: the pieces are let go as they are copied.
 */
const INFLATE_BESIDE = 21 * 1024 * 1024;
/**
 * Entries inflating beside the download at once; the next is read while fewer run. So at most
 * 63 MiB of deflated bytes are held: the bench's 1 GiB of JSON (entries of 17 MiB) peaked at
 * 274 MB restoring.
 */
const INFLATES_IN_FLIGHT = 3;
/**
 * Extracts a zip while it downloads, entry by entry in the order of the data, each checked as
 * {@link extractArchive} checks it (manifest, path, size, sha256); files superseded by a later
 * archive are passed over. The bytes are hashed on the way; the digest and the directory read
 * beforehand are compared with what streamed once the last byte is in.
 * @throws ArchiveIntegrityError for an entry the manifest refuses or bytes that differ
 * @throws UnstreamableZipError for a layout this reader does not follow
 */
async function extractStream(source, zip, location, expected, staging, superseded = () => false) {
    const entries = readDirectory(zip.directory, location);
    const context = entryContext(zip.archive, expected, staging, superseded);
    const reader = new ByteReader(source);
    const work = {
        writes: new Pending(limit_FILE_CONCURRENCY),
        inflates: new Pending(INFLATES_IN_FLIGHT)
    };
    try {
        for (const entry of entries)
            await streamEntry(reader, entry, context, work);
        await work.writes.drain();
        await work.inflates.drain();
    }
    catch (error) {
        // Nothing may go on writing into staging, nor keep the download open, once this fails.
        await Promise.all([work.writes.settle(), work.inflates.settle()]);
        reader.close();
        throw error;
    }
    await matchStreamed(reader, zip, location);
    missingFiles(context);
}
/**
 * Extracts a zip held whole in memory (an archive read out of a pack), with the checks of
 * {@link extractStream}: its directory is read from its end, its bytes hashed against `digest`.
 * @throws ArchiveIntegrityError for an entry the manifest refuses or bytes that differ
 * @throws UnstreamableZipError for a layout this reader does not follow
 */
async function extractBytes(bytes, zip, expected, staging, superseded = () => false) {
    const size = bytes.length;
    const tailStart = Math.max(0, size - TAIL_BYTES);
    const location = locateDirectory(bytes.subarray(tailStart), tailStart, size);
    const directory = bytes.subarray(location.start, location.start + location.length);
    const whole = { ...zip, size, directory };
    await extractStream(external_node_stream_namespaceObject.Readable.from([bytes]), whole, location, expected, staging, superseded);
}
/** Extracts the next entry from the stream, or passes over its data when it is not wanted. */
async function streamEntry(reader, entry, context, { writes, inflates }) {
    await readLocalHeader(reader, entry);
    const admitted = admitEntry(context, entry);
    if (!admitted) {
        await reader.skip(entry.compressed);
        return;
    }
    const { archive } = context;
    if (entry.compressed <= limit_SMALL_FILE && admitted.record.size <= limit_SMALL_FILE) {
        // Small: read whole, inflated at once, written while the next entries stream in.
        const bytes = await reader.read(entry.compressed);
        const data = entry.method === 8 ? inflateWhole(archive, admitted, bytes) : bytes;
        await writes.add(stageWholeEntry(archive, admitted, data));
        return;
    }
    if (entry.method === 8 && entry.compressed <= INFLATE_BESIDE) {
        const deflated = await reader.read(entry.compressed);
        const inflate = (0,external_node_zlib_namespaceObject.createInflateRaw)({ chunkSize: INFLATE_CHUNK });
        await inflates.add(stageEntry(archive, admitted, external_node_stream_namespaceObject.Readable.from([deflated], { objectMode: false }), [inflate]));
        return;
    }
    await writes.drain();
    const inflate = entry.method === 8 ? [(0,external_node_zlib_namespaceObject.createInflateRaw)({ chunkSize: INFLATE_CHUNK })] : [];
    await stageEntry(archive, admitted, reader.take(entry.compressed), inflate);
}
/**
 * Reads up to an entry's data: its local header must be where the directory says and agree
 * with it (method, name), and a stored entry's sizes must be equal.
 * @throws UnstreamableZipError
 */
async function readLocalHeader(reader, entry) {
    if (entry.offset < reader.position) {
        throw new packing_errors_UnstreamableZipError(`${entry.name} overlaps the entry before it`);
    }
    await reader.skip(entry.offset - reader.position);
    const header = await reader.read(30);
    if (header.readUInt32LE(0) !== LOCAL || header.readUInt16LE(8) !== entry.method) {
        throw new packing_errors_UnstreamableZipError(`${entry.name}: its local header differs from the directory`);
    }
    const name = await reader.read(header.readUInt16LE(26));
    await reader.skip(header.readUInt16LE(28));
    if (!name.equals(entry.nameBytes)) {
        throw new packing_errors_UnstreamableZipError(`${entry.name}: its local header names another file`);
    }
    if (entry.method === 0 && entry.compressed !== entry.size) {
        throw new packing_errors_UnstreamableZipError(`${entry.name}: stored, yet its sizes differ`);
    }
}
/**
 * Reads the rest of the download: its length and digest must be those recorded at upload, and
 * the central directory in it the one read beforehand.
 * @throws UnstreamableZipError
 */
async function matchStreamed(reader, zip, location) {
    await reader.skip(location.start - reader.position);
    const directory = await reader.read(location.length);
    await reader.drain();
    if (reader.position !== zip.size || reader.digest() !== zip.digest) {
        throw new packing_errors_UnstreamableZipError('the bytes differ from the digest recorded at upload');
    }
    if (!directory.equals(zip.directory)) {
        throw new packing_errors_UnstreamableZipError('the central directory read first differs from the one streamed');
    }
}
/** A small entry's inflated bytes, never more than the manifest records. */
function inflateWhole(archive, entry, bytes) {
    try {
        return (0,external_node_zlib_namespaceObject.inflateRawSync)(bytes, { maxOutputLength: Math.max(1, entry.record.size) });
    }
    catch (error) {
        // By its code: a RangeError made in another realm (a test's) is no instance of this one's.
        const past = error.code === 'ERR_BUFFER_TOO_LARGE';
        throw entryRefusal(archive, entry.name, past
            ? `inflates past the ${entry.record.size} bytes recorded`
            : `could not be extracted (${error.message})`);
    }
}
/** Writes in flight, at most `limit`; the first failure is thrown by the next add or drain. */
class Pending {
    limit;
    running = new Set();
    failure;
    constructor(limit) {
        this.limit = limit;
    }
    async add(write) {
        const tracked = write
            .catch((error) => {
            this.failure ??= { error };
        })
            .finally(() => this.running.delete(tracked));
        this.running.add(tracked);
        while (this.running.size >= this.limit)
            await Promise.race(this.running);
        this.check();
    }
    async drain() {
        await this.settle();
        this.check();
    }
    /** Waits for every write in flight, failed or not. */
    async settle() {
        await Promise.all(this.running);
    }
    check() {
        if (this.failure !== undefined)
            throw this.failure.error;
    }
}
/** Reads exact byte counts from a stream of chunks, hashing everything that passes. */
class ByteReader {
    position = 0;
    head = Buffer.alloc(0);
    chunks;
    hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    constructor(source) {
        this.chunks = source[Symbol.asyncIterator]();
    }
    /** `sha256:<hex>` of every byte read; call once, after {@link drain}. */
    digest() {
        return `sha256:${this.hash.digest('hex')}`;
    }
    /** Reads the next chunk into the head, once the head is used up. */
    async more() {
        const next = await this.chunks.next();
        if (next.done === true)
            throw new packing_errors_UnstreamableZipError('the download ended early');
        this.hash.update(next.value);
        this.head = next.value;
    }
    /**
     * The next `count` bytes in one Buffer: a view of the head when it holds them, else each
     * piece copied in as it arrives (and let go). Joining the head to each chunk instead copied
     * an entry of 1 MiB about eight times over.
     */
    async read(count) {
        if (this.head.length < count)
            return this.gather(count);
        const bytes = this.head.subarray(0, count);
        this.head = this.head.subarray(count);
        this.position += count;
        return bytes;
    }
    /** The next `count` bytes, in pieces as they arrive. */
    async *take(count) {
        let left = count;
        while (left > 0) {
            if (this.head.length === 0)
                await this.more();
            const piece = this.head.subarray(0, Math.min(left, this.head.length));
            this.head = this.head.subarray(piece.length);
            this.position += piece.length;
            left -= piece.length;
            yield piece;
        }
    }
    async skip(count) {
        let left = count;
        while (left > 0) {
            if (this.head.length === 0)
                await this.more();
            const step = Math.min(left, this.head.length);
            this.head = this.head.subarray(step);
            this.position += step;
            left -= step;
        }
    }
    async gather(count) {
        const bytes = Buffer.allocUnsafe(count);
        let filled = 0;
        for await (const piece of this.take(count))
            filled += piece.copy(bytes, filled);
        return bytes;
    }
    /** Stops reading: the download it comes from is closed once its pending read settles. */
    close() {
        this.chunks.return?.().catch(() => undefined);
    }
    /** Reads to the end: the position is then the stream's length. */
    async drain() {
        this.position += this.head.length;
        this.head = Buffer.alloc(0);
        for (;;) {
            const next = await this.chunks.next();
            if (next.done === true)
                return;
            this.hash.update(next.value);
            this.position += next.value.length;
        }
    }
}

;// CONCATENATED MODULE: ./src/packing/extract.ts







/**
 * Extracts a files archive into `staging`, checking every entry against the manifest while it
 * is written: an entry the manifest does not list, a path that would leave the folder, a
 * duplicate, or more bytes than recorded stop the extraction before they are written; a size or
 * sha256 that differs, or a listed file missing, fails it at the end. Entries in `superseded`
 * (files a later node saved again, so a later archive holds them) are passed over unread.
 * A zip up to {@link ZIP_IN_MEMORY} is read whole and extracted from memory, its files written
 * several at once; one whose layout that reader does not follow is read entry by entry.
 * The caller has checked the zip's digest (its download's).
 * @param expected the manifest's records held by this archive (links excluded)
 * @throws ArchiveIntegrityError
 */
async function extractArchive(zipPath, archive, expected, staging, superseded = () => false) {
    if ((await (0,promises_namespaceObject.stat)(zipPath)).size <= limit_ZIP_IN_MEMORY) {
        const bytes = await (0,promises_namespaceObject.readFile)(zipPath);
        const zip = { archive, digest: canonical_sha256Digest(bytes) };
        try {
            await extractBytes(bytes, zip, expected, staging, superseded);
            return;
        }
        catch (error) {
            if (!(error instanceof packing_errors_UnstreamableZipError))
                throw error;
        }
    }
    await extractEntryByEntry(zipPath, archive, expected, staging, superseded);
}
/** {@link extractArchive} through yauzl, which follows any layout, one entry at a time. */
async function extractEntryByEntry(zipPath, archive, expected, staging, superseded) {
    const context = entryContext(archive, expected, staging, superseded);
    const zip = await openZip(zipPath, archive, { strictFileNames: true });
    try {
        for await (const entry of zipEntries(zip, archive))
            await extractEntry(zip, entry, context);
    }
    finally {
        zip.close();
    }
    missingFiles(context);
}
async function extractEntry(zip, entry, context) {
    const admitted = admitEntry(context, {
        name: entry.fileName,
        mode: entry.externalFileAttributes >>> 16,
        size: entry.uncompressedSize
    });
    if (!admitted)
        return;
    await stageEntry(context.archive, admitted, await zip.openReadStreamPromise(entry));
}

;// CONCATENATED MODULE: ./src/offline/stage-source.ts











/**
 * Verifies a files archive of the source and extracts it into `staging`: a zip's bytes are
 * checked against the digest recorded at upload, then every entry against the manifest by the
 * same extractor the restore step uses (nothing unlisted, larger than recorded, `..` or
 * absolute); a folder it was unzipped into is copied file by file, each checked alike.
 * Encrypted files are checked as stored, then decrypted with `fileKey` when it is given.
 * @throws NotFoundError when the source lacks the archive; ArchiveIntegrityError
 */
async function stageArchive(source, name, staging, fileKey) {
    const found = source.archive(name);
    if (!found)
        throw new NotFoundError(`Files archive ${name} is not in ${source.location}`);
    const manifest = source.manifest(name);
    const encrypted = source.archiveRecord(name)?.packing === 'zip-encrypted';
    const stored = encrypted ? manifest.map(file => sealedRecord(name, file)) : manifest;
    // Encrypted files are checked as stored beside staging, then decrypted into it.
    const into = encrypted ? `${staging}.sealed` : staging;
    await (0,promises_namespaceObject.mkdir)(staging, { recursive: true });
    try {
        await (0,promises_namespaceObject.mkdir)(into, { recursive: true });
        if (found.form === 'zip') {
            await checkZipDigest(source, found);
            await extractArchive(found.path, name, stored, into);
        }
        else {
            const made = new Set();
            for (const file of stored)
                await copyVerified(found, file, into, made);
        }
        if (encrypted && fileKey)
            await openFiles(name, manifest, into, staging, fileKey);
    }
    finally {
        if (encrypted)
            await (0,promises_namespaceObject.rm)(into, { recursive: true, force: true });
    }
    const bytes = manifest.reduce((total, file) => total + file.size, 0);
    return { name, files: manifest.length, bytes, encrypted, decrypted: !encrypted || !!fileKey };
}
async function checkZipDigest(source, found) {
    const record = source.archiveRecord(found.name);
    if (!record)
        return;
    const { bytes, digest } = await hashFile(found.path);
    if (digest === record.digest)
        return;
    const truncated = bytes < record.size ? `, ${bytes} of ${record.size} bytes: truncated` : '';
    throw new packing_errors_ArchiveIntegrityError(found.name, `its bytes do not match the digest recorded at upload (${found.origin}${truncated})`);
}
/**
 * Copies one listed file out of an unzipped archive folder, refusing a link, a file that lies
 * under a link leading out of the folder, and bytes that differ from the manifest.
 */
async function copyVerified(found, file, staging, made) {
    const refuse = (reason) => new packing_errors_ArchiveIntegrityError(found.name, `${JSON.stringify(file.path)} ${reason}`);
    const root = await (0,promises_namespaceObject.realpath)(found.path);
    const from = (0,external_node_path_namespaceObject.join)(root, file.path);
    const parent = await (0,promises_namespaceObject.realpath)((0,external_node_path_namespaceObject.dirname)(from)).catch(() => undefined);
    if (parent && !isInside(root, parent))
        throw refuse(`lies under a link out of ${found.origin}`);
    const stats = await (0,promises_namespaceObject.lstat)(from).catch(() => undefined);
    if (!stats || !parent)
        throw refuse(`is listed but missing from ${found.origin}`);
    if (!stats.isFile())
        throw refuse('is not a regular file');
    if (stats.size !== file.size)
        throw refuse(`has ${stats.size} bytes, the manifest ${file.size}`);
    const target = makeStagedPath(staging, file.path, made);
    const meter = new ByteMeter(file.size, () => refuse('grew while it was read'));
    await (0,external_node_stream_promises_namespaceObject.pipeline)((0,external_node_fs_namespaceObject.createReadStream)(from), meter, (0,external_node_fs_namespaceObject.createWriteStream)(target, { mode: 0o600 }));
    if (meter.digest() !== file.sha256)
        throw refuse('does not match its sha256 in the manifest');
}

;// CONCATENATED MODULE: ./src/offline/verify.ts






/**
 * Verifies everything in a source: every checkpoint's digest, and every files archive that a
 * checkpoint records, extracted into a temporary folder through the manifest-checked extractor
 * (its bytes against the upload digest, each file against its size and sha256).
 */
async function verifySource(source, options = {}) {
    const items = checkpointItems(source);
    for (const archive of source.archives) {
        items.push(await verifyArchive(source, archive.name, options.fileKey));
    }
    const needed = new Set(source.valid.flatMap(document => archivesOf(document)));
    const missing = [...needed].filter(name => !source.archive(name)).sort();
    return {
        ok: items.every(item => item.result === 'ok' || item.result === 'unchecked'),
        items,
        missing
    };
}
/** The unreadable files and every checkpoint, as verified when the source was read. */
function checkpointItems(source) {
    const items = source.problems.map(({ origin, error }) => ({
        name: origin,
        origin,
        kind: 'unreadable',
        result: 'failed',
        problem: error.message
    }));
    for (const found of source.checkpoints) {
        const result = found.document
            ? 'ok'
            : source.status(found) === 'newer-schema'
                ? 'newer-schema'
                : 'failed';
        const problem = found.error?.message;
        items.push({
            name: found.name,
            origin: found.origin,
            kind: 'checkpoint',
            result,
            ...(problem ? { problem } : {})
        });
    }
    return items;
}
async function verifyArchive(source, name, fileKey) {
    const origin = source.archive(name)?.origin ?? name;
    if (source.manifest(name).length === 0) {
        return {
            name,
            origin,
            kind: 'archive',
            result: 'unchecked',
            problem: 'no checkpoint in the source records it'
        };
    }
    const staging = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), 'checkpoint-verify-'));
    try {
        const staged = await stageArchive(source, name, staging, fileKey);
        const note = staged.decrypted
            ? undefined
            : 'encrypted: checked as stored; set CHECKPOINT_ENCRYPTION_KEY to check the files';
        const { files, bytes } = staged;
        return { name, origin, kind: 'archive', result: 'ok', files, bytes, ...(note ? { note } : {}) };
    }
    catch (error) {
        if (!(error instanceof CheckpointError))
            throw error;
        return { name, origin, kind: 'archive', result: 'failed', problem: describe(error) };
    }
    finally {
        await (0,promises_namespaceObject.rm)(staging, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/offline/diff.ts


/** Compares two checkpoints: state per key, files by path, nodes done. */
function diffCheckpoints(a, b) {
    const nodesA = new Set(a.nodes.map(node => node.id));
    const nodesB = new Set(b.nodes.map(node => node.id));
    return {
        from: checkpointName(a),
        to: checkpointName(b),
        state: diffState(a.state, b.state),
        files: diffFiles(a.files, b.files),
        nodes: {
            added: [...nodesB].filter(id => !nodesA.has(id)),
            removed: [...nodesA].filter(id => !nodesB.has(id))
        }
    };
}
/** True when the diff found nothing. */
function isEmptyDiff(diff) {
    return (diff.state.length + diff.files.length + diff.nodes.added.length + diff.nodes.removed.length ===
        0);
}
function diffState(a, b) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    const changes = [];
    for (const key of keys) {
        const from = Object.hasOwn(a, key) ? a[key] : undefined;
        const to = Object.hasOwn(b, key) ? b[key] : undefined;
        if (from === undefined && to !== undefined)
            changes.push({ key, change: 'added', to });
        else if (to === undefined && from !== undefined)
            changes.push({ key, change: 'removed', from });
        else if (canonicalJson(from) !== canonicalJson(to)) {
            changes.push({
                key,
                change: 'changed',
                ...(from === undefined ? {} : { from }),
                ...(to === undefined ? {} : { to })
            });
        }
    }
    return changes;
}
function diffFiles(a, b) {
    const before = new Map(a.map(file => [file.path, file]));
    const after = new Map(b.map(file => [file.path, file]));
    const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
    const changes = [];
    for (const path of paths) {
        const from = before.get(path);
        const to = after.get(path);
        if (!from && to)
            changes.push({ path, change: 'added', to });
        else if (from && !to)
            changes.push({ path, change: 'removed', from });
        else if (from && to && !sameContent(from, to))
            changes.push({ path, change: 'changed', from, to });
    }
    return changes;
}
/** The archive a file lives in is not its content: a file saved again unchanged is the same. */
function sameContent(a, b) {
    return a.sha256 === b.sha256 && a.size === b.size && a.mode === b.mode && a.link === b.link;
}

;// CONCATENATED MODULE: ./src/offline/restore-checkpoint.ts












/**
 * Restores a checkpoint's files and state into a folder as the restore step does: every archive
 * is verified and extracted into a staging folder first, then the files are moved into place
 * with their modes and links are recreated; nothing lands outside `to`.
 * @throws NotFoundError when an archive the files need is not in the source;
 *   ArchiveIntegrityError or PathEscapeError when something is refused; UsageError, also when
 *   `to` is a file, or holds paths the restore would replace and `overwrite` is not set
 */
async function restoreCheckpoint(source, document, options) {
    const to = (0,external_node_path_namespaceObject.resolve)(options.to);
    const stateFile = stateFileOf(document, options.stateFile ?? 'state.json');
    const cannot = cannotRestore(source, document, options.fileKey);
    if (cannot)
        throw cannot;
    await checkTarget(to, [...document.files.map(file => file.path), stateFile], options.overwrite);
    const staging = await (0,promises_namespaceObject.mkdtemp)((0,external_node_path_namespaceObject.join)((0,external_node_os_namespaceObject.tmpdir)(), 'checkpoint-restore-'));
    try {
        const folders = new Map();
        for (const [index, name] of archivesOf(document).entries()) {
            const folder = (0,external_node_path_namespaceObject.join)(staging, String(index));
            await stageArchive(source, name, folder, options.fileKey);
            folders.set(name, folder);
        }
        const state = await stageState(document, stateFile, (0,external_node_path_namespaceObject.join)(staging, 'state'));
        await (0,promises_namespaceObject.mkdir)(to, { recursive: true });
        const placements = [...folders].flatMap(([name, folder]) => filesIn(document, name).map(file => ({ file, from: staged_path_stagedPath(folder, file.path) })));
        for (const file of document.files)
            if (file.link !== undefined)
                placements.push({ file });
        placements.push({ file: state, from: (0,external_node_path_namespaceObject.join)(staging, 'state', state.path) });
        await placeAll(placements, to);
        return summary(document, to, (0,external_node_path_namespaceObject.join)(to, stateFile));
    }
    finally {
        await (0,promises_namespaceObject.rm)(staging, { recursive: true, force: true });
    }
}
/**
 * Why a checkpoint's files cannot be restored from a source: an archive they are in was not
 * downloaded, or is encrypted and there is no key. Undefined when they can.
 */
function cannotRestore(source, document, fileKey) {
    const missing = source.missingArchives(document);
    if (missing.length > 0) {
        const where = missing.map(name => describeMissing(source, name));
        return new NotFoundError(`${checkpointName(document)} needs ${where.join(', ')}, not in ${source.location}: download it from the run page`);
    }
    const sealed = archivesOf(document).filter(name => source.archiveRecord(name)?.packing === 'zip-encrypted');
    if (sealed.length > 0 && !fileKey) {
        return new UsageError(`The files of ${checkpointName(document)} are encrypted (${sealed.join(', ')}): set CHECKPOINT_ENCRYPTION_KEY to the action's encryption-key`);
    }
    return undefined;
}
/** At most this many paths are named when a restore would replace files. */
const NAMED_PATHS = 20;
/**
 * The target is a folder (or not there yet), and, unless `overwrite`, none of `paths` exists in
 * it: a restore into a working copy never replaces local work unasked.
 */
async function checkTarget(to, paths, overwrite = false) {
    const target = await (0,promises_namespaceObject.stat)(to).catch(() => undefined);
    if (target && !target.isDirectory()) {
        throw new UsageError(`--to ${to} is a file: name a folder to restore into (one that is missing is created)`);
    }
    if (!target || overwrite)
        return;
    const taken = [];
    for (const path of paths)
        if (await occupied((0,external_node_path_namespaceObject.join)(to, path)))
            taken.push(path);
    if (taken.length === 0)
        return;
    const named = taken.slice(0, NAMED_PATHS).join(', ');
    const more = taken.length > NAMED_PATHS ? ` and ${taken.length - NAMED_PATHS} more` : '';
    throw new UsageError(`${to} already has ${taken.length} of the paths this restore writes, which it would replace: ${named}${more}. Pass --force to replace them, or restore into another folder`);
}
/** Something is at the path, or a file stands where one of its folders should be. */
async function occupied(path) {
    try {
        await (0,promises_namespaceObject.lstat)(path);
        return true;
    }
    catch (error) {
        return error.code === 'ENOTDIR';
    }
}
/**
 * An archive the source lacks, with the pack artifact that holds it (the one to download) and
 * why a copy the source does hold was refused.
 */
function describeMissing(source, name) {
    const pack = source.packOf(name);
    const refused = source.problems.find(({ error }) => error instanceof packing_errors_ArchiveIntegrityError && error.archive === name);
    const held = pack === undefined ? '' : ` (in pack ${pack})`;
    return `${name}${held}${refused ? ` (${refused.error.message})` : ''}`;
}
function summary(document, to, stateFile) {
    const regular = document.files.filter(file => file.link === undefined);
    return {
        checkpoint: checkpointName(document),
        to,
        files: regular.length,
        links: document.files.length - regular.length,
        bytes: regular.reduce((total, file) => total + file.size, 0),
        stateFile
    };
}
function filesIn(document, archive) {
    return document.files.filter(file => file.link === undefined && file.archive === archive);
}
function stateFileOf(document, path) {
    const unsafe = unsafePathReason(path, process.platform);
    if (unsafe)
        throw new UsageError(`--state-file ${JSON.stringify(path)} ${unsafe}`);
    if (document.files.some(file => file.path === path)) {
        throw new UsageError(`${checkpointName(document)} has a file at ${path}: pass --state-file to put the state elsewhere`);
    }
    return path;
}
/** The state as a file in staging, placed like the others (so its folder is checked too). */
async function stageState(document, path, staging) {
    const text = `${JSON.stringify(document.state, null, 2)}\n`;
    await (0,promises_namespaceObject.mkdir)((0,external_node_path_namespaceObject.join)(staging, path, '..'), { recursive: true });
    await (0,promises_namespaceObject.writeFile)((0,external_node_path_namespaceObject.join)(staging, path), text);
    return { path, size: Buffer.byteLength(text), sha256: canonical_sha256Digest(text), mode: 0o644 };
}

;// CONCATENATED MODULE: ./src/offline/export-import.ts






/**
 * The seed's full state export of one scope of a source: every valid checkpoint (metadata,
 * state and file manifests, not file bytes) in one JSON document, through
 * `CheckpointManager.exportAll`.
 * @param scope needed only when the source holds several scopes
 */
async function exportScope(source, scope, now = new Date()) {
    const chosen = scope ?? onlyScope(source);
    if (!source.checkpoints.some(found => found.ref?.scope === chosen)) {
        throw new NotFoundError(`No checkpoints of scope ${chosen} in ${source.location}`);
    }
    const manager = new CheckpointManager(new SourceStore(source), { scope: chosen });
    const data = await manager.exportAll(now);
    const skipped = source.checkpoints.filter(found => found.ref?.scope === chosen && !found.document);
    return { data, skipped };
}
/**
 * Writes every valid checkpoint of a source (an export file, downloads) into a local store
 * folder through `CheckpointManager.importAll`: each verified again, one already there with the
 * same digest left alone, one that differs refused.
 * @throws CorruptCheckpointError when the folder holds a different checkpoint of the same name
 */
async function importSource(source, to, options = {}) {
    const { scope, codec } = options;
    const inScope = source.checkpoints.filter(found => !scope || found.ref?.scope === scope);
    if (inScope.length === 0)
        throw new NotFoundError(`No checkpoints found in ${source.location}`);
    const byScope = new Map();
    for (const { document } of inScope) {
        if (document)
            byScope.set(document.scope, [...(byScope.get(document.scope) ?? []), document]);
    }
    const store = new LocalDirectoryStore(to);
    const written = [];
    for (const [name, checkpoints] of byScope) {
        const data = exportDocument(name, checkpoints, options.now ?? new Date());
        const manager = new CheckpointManager(store, { scope: name, ...(codec ? { codec } : {}) });
        written.push(...(await manager.importAll(data, source.location)));
    }
    return { to, written, skipped: inScope.filter(found => !found.document) };
}
function onlyScope(source) {
    const scopes = [...new Set(source.checkpoints.flatMap(found => found.ref?.scope ?? []))];
    const [scope] = scopes;
    if (scope === undefined)
        throw new NotFoundError(`No checkpoints found in ${source.location}`);
    if (scopes.length > 1) {
        throw new UsageError(`${source.location} holds several scopes (${scopes.join(', ')}): pass --scope`);
    }
    return scope;
}
/** A source's valid checkpoints as a read-only store, so the manager can export them. */
class SourceStore {
    source;
    location;
    constructor(source) {
        this.source = source;
        this.location = source.location;
    }
    listNames() {
        return Promise.resolve(this.source.valid.map(document => checkpointName(document)));
    }
    readText(name) {
        const document = this.source.valid.find(item => checkpointName(item) === name);
        if (!document)
            return Promise.reject(new CheckpointNotFoundError(`${this.location}/${name}`));
        return Promise.resolve(serializeCheckpoint(document));
    }
    writeText(name) {
        return Promise.reject(new UsageError(`${this.location} is read-only: cannot write ${name}`));
    }
}

;// CONCATENATED MODULE: ./src/index.ts
/**
 * checkpoint-action as a library: the checkpoint model, `CheckpointManager` over a local
 * folder, and the reader of checkpoints downloaded from a run page that the CLI uses. It does
 * not load the Actions toolkit, so it runs anywhere Node 20 does.
 *
 * @example
 * ```ts
 * import { readCheckpointSource, verifySource } from 'checkpoint-action'
 *
 * const source = await readCheckpointSource('downloads/')
 * try {
 *   for (const found of source.checkpoints) console.log(found.name, source.status(found))
 *   console.log((await verifySource(source)).ok)
 * } finally {
 *   await source.close()
 * }
 * ```
 * @packageDocumentation
 */
// The checkpoint model.






// The time-saved figure the job summary and its notice give, for a checkpoint's nodes.




// Errors: every one a CheckpointError whose message names the thing and the rule.



// Checkpoints in a local folder.


// Checkpoints downloaded from a run page: read, verify, compare, restore, export.









var __webpack_exports__ArchiveIntegrityError = __webpack_exports__.Qg;
var __webpack_exports__CHECKPOINT_KIND = __webpack_exports__.U8;
var __webpack_exports__CheckpointCodec = __webpack_exports__.zY;
var __webpack_exports__CheckpointError = __webpack_exports__.jg;
var __webpack_exports__CheckpointManager = __webpack_exports__.O$;
var __webpack_exports__CheckpointNotFoundError = __webpack_exports__.MO;
var __webpack_exports__CheckpointSource = __webpack_exports__.Mu;
var __webpack_exports__CheckpointWriteError = __webpack_exports__.Uv;
var __webpack_exports__CorruptCheckpointError = __webpack_exports__.MG;
var __webpack_exports__ENCRYPTED_KIND = __webpack_exports__.eL;
var __webpack_exports__EXPORT_KIND = __webpack_exports__.Cr;
var __webpack_exports__ID_PATTERN = __webpack_exports__.pw;
var __webpack_exports__ID_RULE = __webpack_exports__.Rb;
var __webpack_exports__IntegrityError = __webpack_exports__.cs;
var __webpack_exports__InvalidInputError = __webpack_exports__.oC;
var __webpack_exports__LocalDirectoryStore = __webpack_exports__.yw;
var __webpack_exports__MAX_DOCUMENT_BYTES = __webpack_exports__.bi;
var __webpack_exports__NAME_PREFIX = __webpack_exports__.ve;
var __webpack_exports__NotFoundError = __webpack_exports__.m_;
var __webpack_exports__PathEscapeError = __webpack_exports__.ZU;
var __webpack_exports__SCHEMA_VERSION = __webpack_exports__.f$;
var __webpack_exports__UnsupportedSchemaError = __webpack_exports__.lv;
var __webpack_exports__UntrustedCheckpointError = __webpack_exports__.lP;
var __webpack_exports__UsageError = __webpack_exports__.eb;
var __webpack_exports__archivesOf = __webpack_exports__.bS;
var __webpack_exports__canonicalJson = __webpack_exports__.dj;
var __webpack_exports__checkpointName = __webpack_exports__.s7;
var __webpack_exports__compareRefs = __webpack_exports__.Iu;
var __webpack_exports__completedNodes = __webpack_exports__.hf;
var __webpack_exports__describeTimeSaved = __webpack_exports__.cn;
var __webpack_exports__diffCheckpoints = __webpack_exports__.hi;
var __webpack_exports__digestOf = __webpack_exports__.ol;
var __webpack_exports__documentOf = __webpack_exports__.lM;
var __webpack_exports__exportScope = __webpack_exports__.vP;
var __webpack_exports__filesArchiveName = __webpack_exports__.jv;
var __webpack_exports__formatBytes = __webpack_exports__.z3;
var __webpack_exports__formatDuration = __webpack_exports__.a3;
var __webpack_exports__importSource = __webpack_exports__.tW;
var __webpack_exports__isEmptyDiff = __webpack_exports__.$7;
var __webpack_exports__isJsonObject = __webpack_exports__.OW;
var __webpack_exports__isSafeRelativePath = __webpack_exports__.VH;
var __webpack_exports__mergeStates = __webpack_exports__.ti;
var __webpack_exports__parseArtifactName = __webpack_exports__.TZ;
var __webpack_exports__parseCheckpoint = __webpack_exports__.S7;
var __webpack_exports__parseCheckpointName = __webpack_exports__.PN;
var __webpack_exports__readCheckpointSource = __webpack_exports__.I6;
var __webpack_exports__refOf = __webpack_exports__.H8;
var __webpack_exports__restoreCheckpoint = __webpack_exports__.vQ;
var __webpack_exports__sameRef = __webpack_exports__.WY;
var __webpack_exports__sealCheckpoint = __webpack_exports__.uP;
var __webpack_exports__selectCheckpoint = __webpack_exports__.BV;
var __webpack_exports__serializeCheckpoint = __webpack_exports__.tf;
var __webpack_exports__sha256Digest = __webpack_exports__.sI;
var __webpack_exports__timeSaved = __webpack_exports__.jU;
var __webpack_exports__unsafePathReason = __webpack_exports__.m0;
var __webpack_exports__validateId = __webpack_exports__.GZ;
var __webpack_exports__verifySource = __webpack_exports__.t4;
var __webpack_exports__workOf = __webpack_exports__.LT;
export { __webpack_exports__ArchiveIntegrityError as ArchiveIntegrityError, __webpack_exports__CHECKPOINT_KIND as CHECKPOINT_KIND, __webpack_exports__CheckpointCodec as CheckpointCodec, __webpack_exports__CheckpointError as CheckpointError, __webpack_exports__CheckpointManager as CheckpointManager, __webpack_exports__CheckpointNotFoundError as CheckpointNotFoundError, __webpack_exports__CheckpointSource as CheckpointSource, __webpack_exports__CheckpointWriteError as CheckpointWriteError, __webpack_exports__CorruptCheckpointError as CorruptCheckpointError, __webpack_exports__ENCRYPTED_KIND as ENCRYPTED_KIND, __webpack_exports__EXPORT_KIND as EXPORT_KIND, __webpack_exports__ID_PATTERN as ID_PATTERN, __webpack_exports__ID_RULE as ID_RULE, __webpack_exports__IntegrityError as IntegrityError, __webpack_exports__InvalidInputError as InvalidInputError, __webpack_exports__LocalDirectoryStore as LocalDirectoryStore, __webpack_exports__MAX_DOCUMENT_BYTES as MAX_DOCUMENT_BYTES, __webpack_exports__NAME_PREFIX as NAME_PREFIX, __webpack_exports__NotFoundError as NotFoundError, __webpack_exports__PathEscapeError as PathEscapeError, __webpack_exports__SCHEMA_VERSION as SCHEMA_VERSION, __webpack_exports__UnsupportedSchemaError as UnsupportedSchemaError, __webpack_exports__UntrustedCheckpointError as UntrustedCheckpointError, __webpack_exports__UsageError as UsageError, __webpack_exports__archivesOf as archivesOf, __webpack_exports__canonicalJson as canonicalJson, __webpack_exports__checkpointName as checkpointName, __webpack_exports__compareRefs as compareRefs, __webpack_exports__completedNodes as completedNodes, __webpack_exports__describeTimeSaved as describeTimeSaved, __webpack_exports__diffCheckpoints as diffCheckpoints, __webpack_exports__digestOf as digestOf, __webpack_exports__documentOf as documentOf, __webpack_exports__exportScope as exportScope, __webpack_exports__filesArchiveName as filesArchiveName, __webpack_exports__formatBytes as formatBytes, __webpack_exports__formatDuration as formatDuration, __webpack_exports__importSource as importSource, __webpack_exports__isEmptyDiff as isEmptyDiff, __webpack_exports__isJsonObject as isJsonObject, __webpack_exports__isSafeRelativePath as isSafeRelativePath, __webpack_exports__mergeStates as mergeStates, __webpack_exports__parseArtifactName as parseArtifactName, __webpack_exports__parseCheckpoint as parseCheckpoint, __webpack_exports__parseCheckpointName as parseCheckpointName, __webpack_exports__readCheckpointSource as readCheckpointSource, __webpack_exports__refOf as refOf, __webpack_exports__restoreCheckpoint as restoreCheckpoint, __webpack_exports__sameRef as sameRef, __webpack_exports__sealCheckpoint as sealCheckpoint, __webpack_exports__selectCheckpoint as selectCheckpoint, __webpack_exports__serializeCheckpoint as serializeCheckpoint, __webpack_exports__sha256Digest as sha256Digest, __webpack_exports__timeSaved as timeSaved, __webpack_exports__unsafePathReason as unsafePathReason, __webpack_exports__validateId as validateId, __webpack_exports__verifySource as verifySource, __webpack_exports__workOf as workOf };
